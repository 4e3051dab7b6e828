package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts the scheduled next attempt of a step or of its compensation.
 */
public record RetryStepCommand(
        @TargetAggregateIdentifier SagaId sagaId,
        TenantId tenantId,
        StepPhase phase,
        int stepIndex,
        int attempt) {
}
