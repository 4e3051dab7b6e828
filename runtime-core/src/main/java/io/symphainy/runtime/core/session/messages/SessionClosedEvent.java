package io.symphainy.runtime.core.session.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * A session was closed.
 */
public record SessionClosedEvent(SessionId sessionId, TenantId tenantId) {
}
