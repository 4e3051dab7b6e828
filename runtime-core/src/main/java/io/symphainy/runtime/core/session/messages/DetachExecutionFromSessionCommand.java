package io.symphainy.runtime.core.session.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Tells a session that one of its executions reached a terminal state.
 */
public record DetachExecutionFromSessionCommand(
        @TargetAggregateIdentifier SessionId sessionId,
        TenantId tenantId,
        ExecutionId executionId) {
}
