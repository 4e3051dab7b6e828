package io.symphainy.runtime.core.apikey.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * The API keys issued for the tenant, revoked ones included, oldest first; answered with a list of
 * {@link ApiKeyView}.
 */
public record FindApiKeysQuery(TenantId tenantId) {
}
