package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.saga.messages.SagaId;

/**
 * An execution's first step was started.
 */
public record ExecutionStartedEvent(
        ExecutionId executionId,
        TenantId tenantId,
        SagaId sagaId) implements ExecutionScoped {
}
