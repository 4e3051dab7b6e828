package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.common.ExecutionMetaData;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.infrastructure.AggregateCacheConfiguration;
import io.symphainy.runtime.core.saga.messages.AbortSagaCommand;
import io.symphainy.runtime.core.saga.messages.CompensationStepFailedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepStartedEvent;
import io.symphainy.runtime.core.saga.messages.DeliverSignalCommand;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.RecordStepSucceededCommand;
import io.symphainy.runtime.core.saga.messages.RetryStepCommand;
import io.symphainy.runtime.core.saga.messages.SagaAbortRequestedEvent;
import io.symphainy.runtime.core.saga.messages.SagaFailedEvent;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.SagaSnapshot;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.SignalReceipt;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The step plan of one execution and the decisions on every attempt, outcome, signal and compensation; reports for an
 * attempt that is no longer current (a late worker after a timeout, a repeated report after a crash) change nothing, so
 * no outcome counts twice. {@link SagaHistory} keeps the record, {@link SagaSteps} the forward steps,
 * {@link SagaCompensation} the undoing, {@link SagaVersionWait} an attempt waiting for a node with its version.
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
    private String capabilityVersion;
    private final SagaProgress progress = new SagaProgress();
    private final SignalBook signals = new SignalBook();
    @AggregateMember
    private final SagaHistory history = new SagaHistory(progress, signals);
    @AggregateMember
    private final SagaVersionWait versionWait = new SagaVersionWait(progress);
    private SagaCompensation compensation;
    private SagaSteps steps;

    /** Axon needs a no-arg constructor to rebuild the aggregate from its events. */
    protected Saga() {
    }

    @CommandHandler
    public Saga(StartSagaCommand command) {
        SagaOpening.record(command);
    }

    /**
     * Records a success; answers the attempt this started (the next step, or the next compensation), a saga completion
     * when it completed the saga, else {@code null}. Whoever reported the success runs the attempt once this commits.
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
            return compensation.nextOrFinish(this::apply);
        }
        apply(new StepSucceededEvent(sagaId, executionId, tenantId, step.index(), step.name(), command.attempt(),
                command.references(), command.facts(), command.durationMillis()));
        return steps.afterSuccess(step, this::apply);
    }

    /** Records a failure; answers the compensation it started, else {@code null} (a retry waits, or it ended). */
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
        boolean cancelled = progress.abortRequested();
        return compensation.start(step.name(), cancelled ? SagaProgress.CANCELLED : command.errorCode(),
                cancelled ? progress.abortReason() : command.errorMessage(), this::apply);
    }

    /**
     * Starts the attempt whose retry is due; answers it ({@code null} when it is not awaited any more, or is a wait;
     * the saga's completion when a kept signal completed it).
     */
    @CommandHandler
    public Object handle(RetryStepCommand command) {
        SagaRules.requireSameTenant(tenantId, command.tenantId(), sagaId);
        if (!progress.isAwaitingRetry(command.phase(), command.stepIndex(), command.attempt())) {
            return null;
        }
        PlannedStep step = plan.get(command.stepIndex());
        if (command.phase() == StepPhase.FORWARD) {
            return steps.start(step, command.attempt(), this::apply);
        }
        apply(new CompensationStepStartedEvent(sagaId, executionId, tenantId, step.index(), step.name(),
                command.attempt()));
        return new NextAttempt(command.phase(), step.index(), command.attempt(), capability, capabilityVersion);
    }

    /** Delivers a signal to the step waiting for it, or keeps it for the step that will; answers what it started. */
    @CommandHandler
    public SignalReceipt handle(DeliverSignalCommand command, Curator curator) {
        SagaRules.requireSameTenant(tenantId, command.tenantId(), sagaId);
        return steps.receive(command, curator, this::apply);
    }

    /**
     * Cancels the run: once a running attempt reports; else (also while a step waits for its version or a signal) at
     * once, answering the compensation it started ({@code null} when nothing is left to undo).
     */
    @CommandHandler
    public NextAttempt handle(AbortSagaCommand command) {
        SagaRules.requireSameTenant(tenantId, command.tenantId(), sagaId);
        if (!progress.movesForward() || progress.abortRequested()) {
            return null;
        }
        if (progress.attemptRunning() && !versionWait.isAwaiting()
                && signals.waitOf(progress.currentStep(), progress.currentAttempt()) == null) {
            apply(new SagaAbortRequestedEvent(sagaId, executionId, tenantId, command.reason()));
            return null;
        }
        return compensation.start(plan.get(progress.currentStep()).name(), SagaProgress.CANCELLED, command.reason(),
                this::apply);
    }

    /** What this aggregate holds, for replay to compare with the State Surface. */
    public SagaSnapshot snapshot() {
        return new SagaSnapshot(sagaId, executionId, capability, progress.isFinished(), history.steps(),
                progress.references());
    }

    /** Records an event with the execution's session and id in its metadata, whoever sent the command. */
    private void apply(Object event) {
        AggregateLifecycle.apply(event, ExecutionMetaData.of(sessionId, executionId));
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
        capabilityVersion = event.runsVersion();
        compensation = new SagaCompensation(event, progress);
        steps = new SagaSteps(event, progress, signals, compensation);
    }
}
