package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * The execution was cancelled while a step was running; once that attempt reports, completed steps are compensated.
 */
public record SagaAbortRequestedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        String reason)
        implements ExecutionScoped {
}
