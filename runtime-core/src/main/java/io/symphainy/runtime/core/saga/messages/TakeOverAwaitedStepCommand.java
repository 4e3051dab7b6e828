package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by a node that has the capability version an attempt waits for: the saga lets the first such node take the
 * attempt over and answers it as a {@link NextAttempt}, which that node runs once the take-over is recorded; later
 * senders get {@code null}.
 */
public record TakeOverAwaitedStepCommand(
        @TargetAggregateIdentifier SagaId sagaId,
        TenantId tenantId,
        StepPhase phase,
        int stepIndex,
        int attempt) {
}
