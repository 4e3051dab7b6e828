package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;

/**
 * An execution was cancelled before it finished.
 */
public record ExecutionCancelledEvent(
        ExecutionId executionId,
        TenantId tenantId,
        UserId cancelledBy,
        String reason) implements ExecutionScoped {
}
