package io.symphainy.runtime.core.apikey.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.util.List;

/**
 * What an issued, unrevoked API key grants: its tenant, its user and the names of its roles.
 */
public record ActiveApiKey(TenantId tenantId, UserId userId, List<String> roles) {
}
