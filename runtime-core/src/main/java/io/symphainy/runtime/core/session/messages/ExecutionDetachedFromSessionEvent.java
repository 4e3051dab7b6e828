package io.symphainy.runtime.core.session.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * An execution of the session reached a terminal state and is no longer active.
 */
public record ExecutionDetachedFromSessionEvent(SessionId sessionId, TenantId tenantId, ExecutionId executionId) {
}
