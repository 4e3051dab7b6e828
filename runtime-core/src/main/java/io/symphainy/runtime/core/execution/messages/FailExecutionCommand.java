package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes an execution that failed without anything left to compensate, or whose compensation failed.
 */
public record FailExecutionCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        String failedStep,
        String errorCode,
        String errorMessage) {
}
