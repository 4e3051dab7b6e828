package io.symphainy.runtime.core.session.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * An accepted execution became active in its session.
 */
public record ExecutionAttachedToSessionEvent(SessionId sessionId, TenantId tenantId, ExecutionId executionId) {
}
