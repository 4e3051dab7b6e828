package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.common.ExecutionMetaData;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.infrastructure.AggregateCacheConfiguration;
import io.symphainy.runtime.core.saga.messages.AbortSagaCommand;
import io.symphainy.runtime.core.saga.messages.CompensationStartedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepFailedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepStartedEvent;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.RecordStepSucceededCommand;
import io.symphainy.runtime.core.saga.messages.RetryStepCommand;
import io.symphainy.runtime.core.saga.messages.SagaAbortRequestedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletion;
import io.symphainy.runtime.core.saga.messages.SagaFailedEvent;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.SagaSnapshot;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The step plan of one execution and the record of every attempt, outcome and compensation.
 *
 * <p>It decides what comes next from each reported outcome; reports for an attempt that is no longer current
 * (a late worker after a timeout, a repeated report after a crash) change nothing, so no outcome counts twice.
 */
@Aggregate(cache = AggregateCacheConfiguration.SAGA_CACHE)
public class Saga {

    @AggregateIdentifier
    private SagaId sagaId;
    private ExecutionId executionId;
    private TenantId tenantId;
    private SessionId sessionId;
    private List<PlannedStep> plan;
    private RetryPolicy retryPolicy;
    private String capability;
    private final SagaProgress progress = new SagaProgress();
    private final StepTraces traces = new StepTraces();

    /** Axon needs a no-arg constructor to rebuild the aggregate from its events. */
    protected Saga() {
    }

    @CommandHandler
    public Saga(StartSagaCommand command) {
        SagaOpening.record(command);
    }

    /**
     * Records a success; answers the attempt this started (the next step, or the next compensation), a
     * {@link SagaCompletion} when it completed the saga, else {@code null}. Whoever reported the success runs the
     * attempt it started once the report is committed.
     */
    @CommandHandler
    public Object handle(RecordStepSucceededCommand command) {
        SagaRules.requireSameTenant(tenantId, command.tenantId(), sagaId);
        if (!progress.isRunning(command.phase(), command.stepIndex(), command.attempt())) {
            return null;
        }
        PlannedStep step = plan.get(command.stepIndex());
        if (command.phase() == StepPhase.COMPENSATION) {
            apply(new StepCompensatedEvent(sagaId, executionId, tenantId, step.index(), step.name(),
                    command.attempt(), command.durationMillis()));
            return compensateNextOrFinish();
        }
        apply(new StepSucceededEvent(sagaId, executionId, tenantId, step.index(), step.name(), command.attempt(),
                command.references(), command.facts(), command.durationMillis()));
        if (progress.abortRequested()) {
            return startCompensation(step.name(), SagaProgress.CANCELLED, progress.abortReason());
        }
        if (step.index() + 1 < plan.size()) {
            PlannedStep next = plan.get(step.index() + 1);
            apply(new StepStartedEvent(sagaId, executionId, tenantId, next.index(), next.name(), 1));
            return attempt(StepPhase.FORWARD, next.index(), 1);
        }
        apply(new SagaCompletedEvent(sagaId, executionId, tenantId, progress.references()));
        return new SagaCompletion(progress.references());
    }

    /**
     * Records a failure; answers the compensation attempt this started, else {@code null} (a retry waits for its
     * deadline, or the saga ended).
     */
    @CommandHandler
    public NextAttempt handle(RecordStepFailedCommand command) {
        SagaRules.requireSameTenant(tenantId, command.tenantId(), sagaId);
        if (!progress.isRunning(command.phase(), command.stepIndex(), command.attempt())) {
            return null;
        }
        PlannedStep step = plan.get(command.stepIndex());
        boolean retry = (command.phase() == StepPhase.COMPENSATION || !progress.abortRequested())
                && SagaRules.mayRetry(retryPolicy, command.attempt(), command.errorCode(), command.retryable());
        if (command.phase() == StepPhase.COMPENSATION) {
            apply(new CompensationStepFailedEvent(sagaId, executionId, tenantId, step.index(), step.name(),
                    command.attempt(), command.errorCode(), command.errorMessage(), command.retryable(),
                    command.durationMillis()));
        } else {
            apply(new StepFailedEvent(sagaId, executionId, tenantId, step.index(), step.name(), command.attempt(),
                    command.errorCode(), command.errorMessage(), command.retryable(), command.durationMillis()));
        }
        if (retry) {
            apply(new StepRetryScheduledEvent(sagaId, executionId, tenantId, command.phase(), step.index(),
                    step.name(), command.attempt() + 1, SagaRules.backoffMillis(retryPolicy, command.attempt())));
            return null;
        }
        if (command.phase() == StepPhase.COMPENSATION) {
            apply(new SagaFailedEvent(sagaId, executionId, tenantId, progress.failedStep(),
                    SagaProgress.COMPENSATION_FAILED, "compensation of step '" + step.name() + "' failed: "
                    + command.errorCode() + " " + command.errorMessage()));
            return null;
        }
        if (progress.abortRequested()) {
            return startCompensation(step.name(), SagaProgress.CANCELLED, progress.abortReason());
        }
        return startCompensation(step.name(), command.errorCode(), command.errorMessage());
    }

    /** Starts the attempt whose retry is due; answers it, or {@code null} when it is not awaited any more. */
    @CommandHandler
    public NextAttempt handle(RetryStepCommand command) {
        SagaRules.requireSameTenant(tenantId, command.tenantId(), sagaId);
        if (!progress.isAwaitingRetry(command.phase(), command.stepIndex(), command.attempt())) {
            return null;
        }
        PlannedStep step = plan.get(command.stepIndex());
        if (command.phase() == StepPhase.COMPENSATION) {
            apply(new CompensationStepStartedEvent(sagaId, executionId, tenantId, step.index(), step.name(),
                    command.attempt()));
        } else {
            apply(new StepStartedEvent(sagaId, executionId, tenantId, step.index(), step.name(), command.attempt()));
        }
        return attempt(command.phase(), step.index(), command.attempt());
    }

    /**
     * Cancels the run: with an attempt running, once it reports; else at once, answering the compensation attempt
     * this started ({@code null} when nothing is left to undo).
     */
    @CommandHandler
    public NextAttempt handle(AbortSagaCommand command) {
        SagaRules.requireSameTenant(tenantId, command.tenantId(), sagaId);
        if (!progress.movesForward() || progress.abortRequested()) {
            return null;
        }
        if (progress.attemptRunning()) {
            apply(new SagaAbortRequestedEvent(sagaId, executionId, tenantId, command.reason()));
            return null;
        }
        return startCompensation(plan.get(progress.currentStep()).name(), SagaProgress.CANCELLED, command.reason());
    }

    /** What this aggregate holds, for replay to compare with the State Surface. */
    public SagaSnapshot snapshot() {
        return new SagaSnapshot(sagaId, executionId, capability, progress.isFinished(), traces.snapshot(),
                progress.references());
    }

    /** Records an event with the execution's session and id in its metadata, whoever sent the command. */
    private void apply(Object event) {
        AggregateLifecycle.apply(event, ExecutionMetaData.of(sessionId, executionId));
    }

    /** Starts undoing the completed steps; answers the first compensation attempt, {@code null} if none is due. */
    private NextAttempt startCompensation(String failedStep, String errorCode, String errorMessage) {
        List<PlannedStep> toUndo = SagaRules.compensationOrder(plan, progress.completedSteps());
        if (toUndo.isEmpty()) {
            apply(new SagaFailedEvent(sagaId, executionId, tenantId, failedStep, errorCode, errorMessage));
            return null;
        }
        apply(new CompensationStartedEvent(sagaId, executionId, tenantId, failedStep, errorCode, errorMessage,
                toUndo.stream().map(PlannedStep::name).toList()));
        return compensateNextOrFinish();
    }

    private NextAttempt compensateNextOrFinish() {
        Integer next = progress.nextToCompensate();
        if (next == null) {
            apply(new SagaCompensatedEvent(sagaId, executionId, tenantId, progress.failedStep(),
                    progress.failureCode(), progress.failureMessage()));
            return null;
        }
        apply(new CompensationStepStartedEvent(sagaId, executionId, tenantId, next, plan.get(next).name(), 1));
        return attempt(StepPhase.COMPENSATION, next, 1);
    }

    private NextAttempt attempt(StepPhase phase, int stepIndex, int attempt) {
        return new NextAttempt(phase, stepIndex, attempt, capability);
    }

    @EventSourcingHandler
    void on(SagaStartedEvent event) {
        sagaId = event.sagaId();
        executionId = event.executionId();
        tenantId = event.tenantId();
        sessionId = event.sessionId();
        plan = List.copyOf(event.steps());
        retryPolicy = event.retryPolicy();
        capability = event.capability();
        traces.planned(event.steps());
    }

    @EventSourcingHandler
    void on(StepStartedEvent event) {
        progress.attemptStarted(StepPhase.FORWARD, event.stepIndex(), event.attempt());
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
                event.stepsToCompensate().stream().map(this::indexOf).toList());
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

    private int indexOf(String stepName) {
        return plan.stream().filter(step -> step.name().equals(stepName)).findFirst().orElseThrow().index();
    }
}
