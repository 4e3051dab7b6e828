package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.Map;

/**
 * A signal arrived before the step that waits for it started waiting; it is delivered once that step starts.
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
}
