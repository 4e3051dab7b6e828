package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.Map;

/**
 * An attempt of a step succeeded with the references and facts it produced.
 */
public record StepSucceededEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        int stepIndex,
        String stepName,
        int attempt,
        Map<String, String> references,
        Map<String, Object> facts,
        long durationMillis) implements ExecutionScoped {
}
