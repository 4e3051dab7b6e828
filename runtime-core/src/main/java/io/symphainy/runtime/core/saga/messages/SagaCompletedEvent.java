package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.Map;

/**
 * Every step of the plan succeeded.
 */
public record SagaCompletedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        Map<String, String> references) implements ExecutionScoped {
}
