package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.Map;

/**
 * A signal was delivered to the step waiting for it; the step's success, with the payload as its facts, follows in
 * the same transaction.
 */
public record SignalDeliveredEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        int stepIndex,
        String stepName,
        int attempt,
        String signal,
        Map<String, Object> payload,
        String idempotencyKey) implements ExecutionScoped {
}
