package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.Map;

/**
 * A resumed execution's saga took over a step's recorded output instead of running the step: later steps see it as
 * if the step had run in this saga.
 *
 * @param recordedBy the execution whose record the output was taken from
 */
public record StepOutputReusedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        int stepIndex,
        String stepName,
        ExecutionId recordedBy,
        Map<String, String> references,
        Map<String, Object> facts) implements ExecutionScoped {
}
