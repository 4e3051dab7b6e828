package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * A failed attempt will be followed by another after a backoff delay.
 */
public record StepRetryScheduledEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        StepPhase phase,
        int stepIndex,
        String stepName,
        int nextAttempt,
        long delayMillis) implements ExecutionScoped {
}
