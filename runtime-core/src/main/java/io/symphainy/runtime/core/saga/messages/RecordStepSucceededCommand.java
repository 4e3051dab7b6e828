package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reports that one attempt of a step, or of its compensation, succeeded.
 */
public record RecordStepSucceededCommand(
        @TargetAggregateIdentifier SagaId sagaId,
        TenantId tenantId,
        StepPhase phase,
        int stepIndex,
        int attempt,
        Map<String, String> references,
        Map<String, Object> facts,
        long durationMillis) {
}
