package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.saga.messages.SagaId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Marks an accepted execution as running under the given saga.
 */
public record StartExecutionCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        SagaId sagaId) {
}
