package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * An accepted execution waits, not started, for a node that has its capability version; a node that has it takes it
 * over ({@link AwaitedStartTakenOverEvent}) and starts it.
 */
public record ExecutionAwaitingCapabilityVersionEvent(
        ExecutionId executionId,
        TenantId tenantId,
        String capability,
        String capabilityVersion,
        String reason) implements ExecutionScoped {
}
