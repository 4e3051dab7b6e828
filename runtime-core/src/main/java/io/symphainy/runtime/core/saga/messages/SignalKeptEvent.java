package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.Map;

/**
 * A signal arrived before the step that waits for it started waiting; it is delivered once that step starts. Recorded
 * by the saga, or by the execution when its saga has not started yet (it is held for approval, or waits for its
 * capability version), which hands it to the saga when it starts.
 */
public record SignalKeptEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        int stepIndex,
        String stepName,
        String signal,
        Map<String, Object> payload,
        String idempotencyKey) implements ExecutionScoped {

    /** The signal as it is kept until its step starts. */
    public KeptSignal kept() {
        return new KeptSignal(stepIndex, stepName, signal, payload, idempotencyKey);
    }
}
