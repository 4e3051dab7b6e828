package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that an execution is undoing its completed steps after a step failed for good.
 */
public record MarkExecutionCompensatingCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        String failedStep,
        String errorCode) {
}
