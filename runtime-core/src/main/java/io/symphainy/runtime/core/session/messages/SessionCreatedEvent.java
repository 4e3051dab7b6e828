package io.symphainy.runtime.core.session.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.util.Map;

/**
 * A session was opened.
 */
public record SessionCreatedEvent(SessionId sessionId, TenantId tenantId, UserId userId, Map<String, Object> context) {
}
