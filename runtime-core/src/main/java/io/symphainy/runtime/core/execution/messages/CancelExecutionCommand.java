package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Cancels an execution that has not finished; completed steps are compensated.
 */
public record CancelExecutionCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        UserId cancelledBy,
        String reason) {
}
