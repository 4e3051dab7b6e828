package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reports that the node about to start an accepted execution (approved, or resumed) lacks the capability version it
 * was accepted with: the execution waits, not started, for a node that has it instead of running other code.
 *
 * @param reason why it waits, as people read it
 */
public record AwaitCapabilityVersionToStartCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        String reason) {
}
