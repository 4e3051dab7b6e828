package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.saga.messages.DeliverSignalCommand;
import io.symphainy.runtime.core.saga.messages.KeptSignal;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletion;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.SignalKeptEvent;
import io.symphainy.runtime.core.saga.messages.SignalOutcome;
import io.symphainy.runtime.core.saga.messages.SignalReceipt;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * The forward steps of a {@link Saga}: what follows a success, how an attempt starts (an attempt for the worker, or a
 * wait for a signal, answered at once when its signal was kept), and the delivery of signals.
 *
 * <p>Each event is recorded through the saga as soon as it is decided, so the saga's progress already holds it when
 * the next decision reads it.
 */
final class SagaSteps {

    private final SagaStartedEvent started;
    private final SagaProgress progress;
    private final SignalBook signals;
    private final SagaCompensation compensation;

    SagaSteps(SagaStartedEvent started, SagaProgress progress, SignalBook signals, SagaCompensation compensation) {
        this.started = started;
        this.progress = progress;
        this.signals = signals;
        this.compensation = compensation;
    }

    /** What follows a step's success: the compensation of a cancelled run, the next step, or the saga's end. */
    Object afterSuccess(PlannedStep step, Consumer<Object> record) {
        if (progress.abortRequested()) {
            return compensation.start(step.name(), SagaProgress.CANCELLED, progress.abortReason(), record);
        }
        if (step.index() + 1 < started.steps().size()) {
            return start(started.steps().get(step.index() + 1), 1, record);
        }
        record.accept(new SagaCompletedEvent(started.sagaId(), started.executionId(), started.tenantId(),
                progress.references()));
        return new SagaCompletion(progress.references());
    }

    /**
     * Starts an attempt of a forward step; answers the worker's attempt, {@code null} for a wait, or what the delivery
     * of a signal kept for the step started.
     */
    Object start(PlannedStep step, int attempt, Consumer<Object> record) {
        if (!step.waitsForSignal()) {
            record.accept(new StepStartedEvent(started.sagaId(), started.executionId(), started.tenantId(),
                    step.index(), step.name(), attempt));
            return new NextAttempt(StepPhase.FORWARD, step.index(), attempt, started.capability(),
                    started.runsVersion());
        }
        KeptSignal kept = signals.keptFor(step.index());
        if (kept != null) {
            return deliver(step, attempt, kept.signal(), kept.payload(), kept.idempotencyKey(), 0, record);
        }
        record.accept(waitOf(started, step, attempt));
        return null;
    }

    /** The wait that starts the given attempt of a wait step, with its deadline from now. */
    static StepAwaitingSignalEvent waitOf(SagaStartedEvent started, PlannedStep step, int attempt) {
        Instant deadline = GenericEventMessage.clock.instant().plusMillis(step.timeoutMillis());
        return new StepAwaitingSignalEvent(started.sagaId(), started.executionId(), started.tenantId(), step.index(),
                step.name(), attempt, step.signal().name(), deadline, step.signal().timeoutRetryable());
    }

    /**
     * Delivers a signal to the step waiting for it, or keeps it for the first step that will; a repeated idempotency
     * key answers the first outcome and records nothing.
     */
    SignalReceipt receive(DeliverSignalCommand command, Curator curator, Consumer<Object> record) {
        SignalReceipt first = signals.firstAnswerTo(command.idempotencyKey());
        if (first != null) {
            return first;
        }
        PlannedStep step = SagaRules.signalTarget(started, progress, signals, command.signal());
        SagaRules.requireValidSignalPayload(curator, started.capability(), started.runsVersion(), step,
                command.payload());
        StepAwaitingSignalEvent wait = signals.waitOf(step.index(), progress.currentAttempt());
        if (wait != null && progress.isRunning(StepPhase.FORWARD, step.index(), wait.attempt())) {
            long waited = Duration.between(SignalBook.startOf(wait, step.timeoutMillis()),
                    GenericEventMessage.clock.instant()).toMillis();
            Object next = deliver(step, wait.attempt(), command.signal(), command.payload(), command.idempotencyKey(),
                    Math.max(0, waited), record);
            return new SignalReceipt(SignalOutcome.DELIVERED, step.name(),
                    next instanceof NextAttempt attempt ? attempt : null,
                    next instanceof SagaCompletion completion ? completion : null, false);
        }
        record.accept(new SignalKeptEvent(started.sagaId(), started.executionId(), started.tenantId(), step.index(),
                step.name(), command.signal(), command.payload(), command.idempotencyKey()));
        return new SignalReceipt(SignalOutcome.KEPT, step.name(), null, null, false);
    }

    private Object deliver(PlannedStep step, int attempt, String signal, Map<String, Object> payload,
                           String idempotencyKey, long waitedMillis, Consumer<Object> record) {
        record.accept(new SignalDeliveredEvent(started.sagaId(), started.executionId(), started.tenantId(),
                step.index(), step.name(), attempt, signal, payload, idempotencyKey));
        record.accept(new StepSucceededEvent(started.sagaId(), started.executionId(), started.tenantId(),
                step.index(), step.name(), attempt, Map.of(), payload, waitedMillis));
        return afterSuccess(step, record);
    }
}
