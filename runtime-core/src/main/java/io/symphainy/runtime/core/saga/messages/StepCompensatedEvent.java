package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * A completed step was compensated.
 */
public record StepCompensatedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        int stepIndex,
        String stepName,
        int attempt,
        long durationMillis) implements ExecutionScoped {
}
