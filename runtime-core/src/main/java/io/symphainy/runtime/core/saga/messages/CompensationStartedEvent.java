package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.List;

/**
 * A step failed for good, or the execution was cancelled: completed steps are undone in reverse order.
 */
public record CompensationStartedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        String failedStep,
        String errorCode,
        String errorMessage,
        List<String> stepsToCompensate) implements ExecutionScoped {
}
