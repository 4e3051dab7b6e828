package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * A node with the capability version took over an execution that waited for it, not started; the execution and its
 * saga start in the same transaction.
 */
public record AwaitedStartTakenOverEvent(
        ExecutionId executionId,
        TenantId tenantId,
        String capability,
        String capabilityVersion) implements ExecutionScoped {
}
