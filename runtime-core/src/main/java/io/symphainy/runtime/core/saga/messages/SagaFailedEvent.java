package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * The plan stopped with nothing to compensate, or a compensation failed for good.
 */
public record SagaFailedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        String failedStep,
        String errorCode,
        String errorMessage) implements ExecutionScoped {
}
