package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * An execution failed and every completed step it had was compensated.
 */
public record ExecutionCompensatedEvent(
        ExecutionId executionId,
        TenantId tenantId,
        String failedStep,
        String errorCode,
        String errorMessage) implements ExecutionScoped {
}
