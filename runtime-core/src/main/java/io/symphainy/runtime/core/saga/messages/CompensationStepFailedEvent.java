package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * An attempt to compensate a step failed.
 */
public record CompensationStepFailedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        int stepIndex,
        String stepName,
        int attempt,
        String errorCode,
        String errorMessage,
        boolean retryable,
        long durationMillis) implements ExecutionScoped {
}
