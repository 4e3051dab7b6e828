package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks to take over an execution waiting, not started, for a node with its capability version, so that the asking
 * node (which has it) starts it. Answers {@code true} to the first node that asks, {@code false} to any other and
 * once the execution no longer waits.
 */
public record TakeOverAwaitedStartCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId) {
}
