package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes an execution whose completed steps were all compensated after a failure.
 */
public record RecordExecutionCompensatedCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        String failedStep,
        String errorCode,
        String errorMessage) {
}
