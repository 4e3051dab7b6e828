package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.common.ExecutionMetaData;
import io.symphainy.runtime.core.saga.messages.AwaitCapabilityVersionCommand;
import io.symphainy.runtime.core.saga.messages.AwaitedStepTakenOverEvent;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingCapabilityVersionEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.TakeOverAwaitedStepCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * A {@link Saga}'s running attempt that waits for a node with its capability version: recorded once by a node that
 * lacks the version, taken over once by a node that has it. The attempt stays the current one all along (its outcome
 * still counts when it comes), so a wait spends no retry.
 */
final class SagaVersionWait {

    private final SagaProgress progress;
    private SagaStartedEvent started;
    private StepPhase awaitedPhase;
    private int awaitedStep = -1;
    private int awaitedAttempt;

    SagaVersionWait(SagaProgress progress) {
        this.progress = progress;
    }

    /** Records the wait, unless the attempt is no longer current or already waits. */
    @CommandHandler
    public void handle(AwaitCapabilityVersionCommand command) {
        SagaRules.requireSameTenant(started.tenantId(), command.tenantId(), started.sagaId());
        if (!progress.isRunning(command.phase(), command.stepIndex(), command.attempt())
                || isAwaiting(command.phase(), command.stepIndex(), command.attempt())) {
            return;
        }
        apply(new StepAwaitingCapabilityVersionEvent(started.sagaId(), started.executionId(), started.tenantId(),
                command.phase(), command.stepIndex(), started.steps().get(command.stepIndex()).name(),
                command.attempt(), started.capability(), started.runsVersion(), command.reason()));
    }

    /** Lets the first node that asks take the waiting attempt over; answers the attempt to run, else {@code null}. */
    @CommandHandler
    public NextAttempt handle(TakeOverAwaitedStepCommand command) {
        SagaRules.requireSameTenant(started.tenantId(), command.tenantId(), started.sagaId());
        if (!isAwaiting(command.phase(), command.stepIndex(), command.attempt())) {
            return null;
        }
        apply(new AwaitedStepTakenOverEvent(started.sagaId(), started.executionId(), started.tenantId(),
                command.phase(), command.stepIndex(), started.steps().get(command.stepIndex()).name(),
                command.attempt(), started.capability(), started.runsVersion()));
        return new NextAttempt(command.phase(), command.stepIndex(), command.attempt(), started.capability(),
                started.runsVersion());
    }

    /** Whether the current attempt waits for a node with the version. */
    boolean isAwaiting() {
        return isAwaiting(awaitedPhase, awaitedStep, awaitedAttempt);
    }

    private boolean isAwaiting(StepPhase phase, int step, int attempt) {
        return phase == awaitedPhase && step == awaitedStep && attempt == awaitedAttempt
                && progress.isRunning(phase, step, attempt);
    }

    private void apply(Object event) {
        AggregateLifecycle.apply(event, ExecutionMetaData.of(started.sessionId(), started.executionId()));
    }

    @EventSourcingHandler
    void on(SagaStartedEvent event) {
        started = event;
    }

    @EventSourcingHandler
    void on(StepAwaitingCapabilityVersionEvent event) {
        awaitedPhase = event.phase();
        awaitedStep = event.stepIndex();
        awaitedAttempt = event.attempt();
    }

    @EventSourcingHandler
    void on(AwaitedStepTakenOverEvent event) {
        awaitedPhase = null;
        awaitedStep = -1;
        awaitedAttempt = 0;
    }
}
