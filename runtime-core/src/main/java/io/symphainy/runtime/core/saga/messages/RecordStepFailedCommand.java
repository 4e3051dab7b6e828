package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reports that one attempt of a step, or of its compensation, failed.
 */
public record RecordStepFailedCommand(
        @TargetAggregateIdentifier SagaId sagaId,
        TenantId tenantId,
        StepPhase phase,
        int stepIndex,
        int attempt,
        String errorCode,
        String errorMessage,
        boolean retryable,
        long durationMillis) {
}
