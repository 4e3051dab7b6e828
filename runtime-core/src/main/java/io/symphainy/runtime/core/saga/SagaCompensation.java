package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.saga.messages.CompensationStartedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepStartedEvent;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.SagaCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.SagaFailedEvent;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import java.util.List;
import java.util.function.Consumer;

/**
 * The undoing of a {@link Saga}'s completed steps in reverse order: it starts the compensation, then each next
 * compensation attempt, and ends the saga compensated (or failed, when nothing was left to undo).
 *
 * <p>Each event is recorded through the saga as soon as it is decided, so the saga's progress already holds it when
 * the next decision reads it.
 */
final class SagaCompensation {

    private final SagaStartedEvent started;
    private final SagaProgress progress;

    SagaCompensation(SagaStartedEvent started, SagaProgress progress) {
        this.started = started;
        this.progress = progress;
    }

    /** Starts undoing the completed steps; answers the first compensation attempt, {@code null} if none is due. */
    NextAttempt start(String failedStep, String errorCode, String errorMessage, Consumer<Object> record) {
        List<PlannedStep> toUndo = SagaRules.compensationOrder(started.steps(), progress.completedSteps());
        if (toUndo.isEmpty()) {
            record.accept(new SagaFailedEvent(started.sagaId(), started.executionId(), started.tenantId(), failedStep,
                    errorCode, errorMessage));
            return null;
        }
        record.accept(new CompensationStartedEvent(started.sagaId(), started.executionId(), started.tenantId(),
                failedStep, errorCode, errorMessage, toUndo.stream().map(PlannedStep::name).toList()));
        return nextOrFinish(record);
    }

    /** Starts the next compensation attempt and answers it; ends the saga compensated when none is left. */
    NextAttempt nextOrFinish(Consumer<Object> record) {
        Integer next = progress.nextToCompensate();
        if (next == null) {
            record.accept(new SagaCompensatedEvent(started.sagaId(), started.executionId(), started.tenantId(),
                    progress.failedStep(), progress.failureCode(), progress.failureMessage()));
            return null;
        }
        record.accept(new CompensationStepStartedEvent(started.sagaId(), started.executionId(), started.tenantId(),
                next, started.steps().get(next).name(), 1));
        return new NextAttempt(StepPhase.COMPENSATION, next, 1, started.capability(), started.runsVersion());
    }
}
