package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reports that the node handed a running attempt lacks the capability version the execution was accepted with, so
 * the attempt waits for a node that has it instead of running other code.
 *
 * @param reason why it waits, as people read it
 */
public record AwaitCapabilityVersionCommand(
        @TargetAggregateIdentifier SagaId sagaId,
        TenantId tenantId,
        StepPhase phase,
        int stepIndex,
        int attempt,
        String reason) {
}
