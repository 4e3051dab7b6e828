package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.time.Instant;

/**
 * An attempt of a wait step started: it waits for the named signal until the deadline, holding no thread.
 *
 * @param timeoutRetryable whether reaching the deadline is a retryable failure
 */
public record StepAwaitingSignalEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        int stepIndex,
        String stepName,
        int attempt,
        String signal,
        Instant deadline,
        boolean timeoutRetryable) implements ExecutionScoped {
}
