package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * An execution started compensating its completed steps.
 */
public record ExecutionCompensatingEvent(
        ExecutionId executionId,
        TenantId tenantId,
        String failedStep,
        String errorCode) implements ExecutionScoped {
}
