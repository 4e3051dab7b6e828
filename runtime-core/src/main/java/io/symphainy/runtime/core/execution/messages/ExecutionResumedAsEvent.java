package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;

/**
 * A failed or compensated execution was resumed by a new execution of the same intent; recorded in the intake's
 * transaction, together with the new execution.
 */
public record ExecutionResumedAsEvent(
        ExecutionId executionId,
        TenantId tenantId,
        ExecutionId resumedAs,
        UserId requestedBy) implements ExecutionScoped {
}
