package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.saga.messages.AwaitedStepTakenOverEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStartedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepFailedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepStartedEvent;
import io.symphainy.runtime.core.saga.messages.SagaAbortRequestedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaFailedEvent;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingCapabilityVersionEvent;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.SignalKeptEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepSnapshot;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The record of a {@link Saga}'s attempts folded from its events: the progress its decisions read and each step's
 * trace that replay compares with the State Surface.
 */
final class SagaHistory {

    private final SagaProgress progress;
    private final SignalBook signals;
    private final StepTraces traces = new StepTraces();

    SagaHistory(SagaProgress progress, SignalBook signals) {
        this.progress = progress;
        this.signals = signals;
    }

    /** Each step's status and attempts, in plan order. */
    List<StepSnapshot> steps() {
        return traces.snapshot();
    }

    @EventSourcingHandler
    void on(SagaStartedEvent event) {
        traces.planned(event.steps());
        signals.keptBeforeStart(event.keptSignals());
    }

    @EventSourcingHandler
    void on(StepStartedEvent event) {
        progress.attemptStarted(StepPhase.FORWARD, event.stepIndex(), event.attempt());
        traces.started(StepPhase.FORWARD, event.stepIndex(), event.attempt());
    }

    /** Shown as the State Surface shows it: the attempt is current, but waits for a node with its version. */
    @EventSourcingHandler
    void on(StepAwaitingCapabilityVersionEvent event) {
        traces.ended(event.phase(), event.stepIndex(), "waiting_for_version");
    }

    @EventSourcingHandler
    void on(AwaitedStepTakenOverEvent event) {
        traces.ended(event.phase(), event.stepIndex(), "running");
    }

    @EventSourcingHandler
    void on(StepAwaitingSignalEvent event) {
        progress.attemptStarted(StepPhase.FORWARD, event.stepIndex(), event.attempt());
        signals.waiting(event);
        traces.started(StepPhase.FORWARD, event.stepIndex(), event.attempt());
        traces.ended(StepPhase.FORWARD, event.stepIndex(), "waiting");
    }

    @EventSourcingHandler
    void on(SignalKeptEvent event) {
        signals.kept(event.kept());
    }

    /** A delivered signal is its step's attempt; the step's success follows it. */
    @EventSourcingHandler
    void on(SignalDeliveredEvent event) {
        progress.attemptStarted(StepPhase.FORWARD, event.stepIndex(), event.attempt());
        signals.delivered(event);
        traces.started(StepPhase.FORWARD, event.stepIndex(), event.attempt());
    }

    @EventSourcingHandler
    void on(StepSucceededEvent event) {
        progress.stepSucceeded(event.stepIndex(), event.references());
        traces.ended(StepPhase.FORWARD, event.stepIndex(), "succeeded");
    }

    /** A reused output counts for the references, not for compensation: the step ran in another execution. */
    @EventSourcingHandler
    void on(StepOutputReusedEvent event) {
        progress.stepReused(event.references());
        traces.ended(StepPhase.FORWARD, event.stepIndex(), "reused");
    }

    @EventSourcingHandler
    void on(StepFailedEvent event) {
        progress.attemptEnded();
        traces.ended(StepPhase.FORWARD, event.stepIndex(), "failed");
    }

    @EventSourcingHandler
    void on(StepRetryScheduledEvent event) {
        progress.retryScheduled(event.nextAttempt());
        traces.ended(event.phase(), event.stepIndex(), "retry_scheduled");
    }

    @EventSourcingHandler
    void on(SagaAbortRequestedEvent event) {
        progress.abortRequested(event.reason());
    }

    @EventSourcingHandler
    void on(CompensationStartedEvent event) {
        progress.compensationStarted(event.failedStep(), event.errorCode(), event.errorMessage(),
                event.stepsToCompensate().stream().map(traces::indexOf).toList());
    }

    @EventSourcingHandler
    void on(CompensationStepStartedEvent event) {
        progress.attemptStarted(StepPhase.COMPENSATION, event.stepIndex(), event.attempt());
        traces.started(StepPhase.COMPENSATION, event.stepIndex(), event.attempt());
    }

    @EventSourcingHandler
    void on(StepCompensatedEvent event) {
        progress.stepCompensated(event.stepIndex());
        traces.ended(StepPhase.COMPENSATION, event.stepIndex(), "compensated");
    }

    @EventSourcingHandler
    void on(CompensationStepFailedEvent event) {
        progress.attemptEnded();
        traces.ended(StepPhase.COMPENSATION, event.stepIndex(), "failed");
    }

    @EventSourcingHandler
    void on(SagaCompletedEvent event) {
        progress.finished();
    }

    @EventSourcingHandler
    void on(SagaCompensatedEvent event) {
        progress.finished();
    }

    @EventSourcingHandler
    void on(SagaFailedEvent event) {
        progress.finished();
    }
}
