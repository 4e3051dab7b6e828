package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.CompleteExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedFromEvent;
import io.symphainy.runtime.core.execution.messages.FailExecutionCommand;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.MarkExecutionCompensatingCommand;
import io.symphainy.runtime.core.execution.messages.RecordExecutionCompensatedCommand;
import io.symphainy.runtime.core.saga.messages.AbortSagaCommand;
import io.symphainy.runtime.core.saga.messages.CompensationStartedEvent;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SagaCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepAttemptDeadline;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.worker.StepWorker;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Sequences an execution where time or a decision stands between two of its steps: holds it for approval and starts
 * its saga once approved, starts a resumed execution's saga from the steps it reuses, waits out a retry's backoff,
 * turns a cancellation into the saga's abort, and closes an execution whose saga failed or was compensated. It only
 * connects {@link Saga}'s decisions, deadlines ({@link CoordinatorDeadlines}) and its state ({@link CoordinatorState}).
 *
 * <p>An execution that runs step after step without a failure never needs a coordinator: the intake starts it and the
 * worker runs each step and closes the execution. The first event that leaves that path creates it (a retry, a
 * compensation, a failure, a cancellation, a wait for a signal ({@link CoordinatorSignalWaits}); or an acceptance held
 * for approval or resuming another execution). Whoever records an attempt's start runs it once that commits. The
 * approval, and a wait for a node with the capability version, are {@link CoordinatorStartWaits}'s part.
 * {@link SagaCoordinatorConfiguration} registers it, so each execution's events reach only its segment.
 */
@ProcessingGroup(SagaCoordinator.PROCESSING_GROUP)
public class SagaCoordinator extends CoordinatorSignalWaits {

    /** The processing group whose streaming processor runs the coordinators. */
    public static final String PROCESSING_GROUP = "saga-coordinator";
    static final String EXECUTION_ID = "executionId";
    static final String STEP_TIMEOUT = "step-timeout";
    static final String STEP_RETRY = "step-retry";
    static final String APPROVAL_TIMEOUT = "approval-timeout";

    /**
     * Starts the saga unless the policy holds the execution, or unless it resumes another one: then the next event
     * lists the steps it reuses, and the saga starts from there. An execution the intake started in its own transaction
     * never reaches this handler ({@link ExecutionRoutedSagaManager}).
     */
    @StartSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(IntentAcceptedEvent event, @MetaDataValue(MetaDataKeys.RESUMED_FROM) String resumedFrom,
                   CommandGateway commands, Curator curator, StepWorker worker) {
        follow(event.executionId(), event.tenantId(), event.sessionId());
        capability = event.capability();
        capabilityVersion = event.runsVersion();
        plannedSteps = curator.named(capability, capabilityVersion).filter(RegisteredCapability::waitsForSignals)
                .map(waits -> waits.planFor(event.payload())).orElse(null);
        awaitingApproval = event.awaitsApproval();
        awaitingResumption = resumedFrom != null;
        if (!awaitingApproval && !awaitingResumption) {
            CoordinatorStarts.start(this, event, commands, curator, worker);
        }
    }

    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(ExecutionResumedFromEvent event, CommandGateway commands, Curator curator, StepWorker worker) {
        awaitingResumption = false;
        reusedSteps = List.copyOf(event.reusedSteps());
        if (!awaitingApproval) {
            CoordinatorStarts.start(this, null, commands, curator, worker);
        }
    }

    /** A failed attempt is tried again once its backoff has passed. */
    @StartSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(StepRetryScheduledEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String session,
                   DeadlineManager deadlines) {
        follow(event, event.tenantId(), session);
        CoordinatorDeadlines.scheduleRetry(deadlines, event);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(CompensationStartedEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String session,
                   CommandGateway commands) {
        follow(event, event.tenantId(), session);
        commands.sendAndWait(new MarkExecutionCompensatingCommand(executionId, tenantId, event.failedStep(),
                event.errorCode()));
    }

    /**
     * A held execution, or one waiting for a node with its version, has no saga yet: cancelling it only ends the wait.
     * A running one's saga is aborted: at once, starting its compensation, or once the attempt under way reports.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(ExecutionCancelledEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String session,
                   CommandGateway commands, DeadlineManager deadlines, StepWorker worker) {
        follow(event, event.tenantId(), session);
        if (sagaNotStarted()) {
            endApprovalWait(deadlines);
            SagaLifecycle.end();
            return;
        }
        NextAttempt compensation = commands.sendAndWait(new AbortSagaCommand(sagaId, tenantId, event.reason()));
        CoordinatorStarts.runNext(coordinated(), compensation, worker);
    }

    /** Closes the execution; the worker normally did already, and then this changes nothing. */
    @EndSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(SagaCompletedEvent event, CommandGateway commands) {
        commands.sendAndWait(new CompleteExecutionCommand(executionId, tenantId, event.references()));
    }

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(SagaCompensatedEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String session,
                   CommandGateway commands) {
        follow(event, event.tenantId(), session);
        commands.sendAndWait(new RecordExecutionCompensatedCommand(executionId, tenantId, event.failedStep(),
                event.errorCode(), event.errorMessage()));
    }

    @StartSaga
    @EndSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(SagaFailedEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String session,
                   CommandGateway commands) {
        follow(event, event.tenantId(), session);
        commands.sendAndWait(new FailExecutionCommand(executionId, tenantId, event.failedStep(), event.errorCode(),
                event.errorMessage()));
    }

    /** The retry is due: the saga starts the attempt, which runs here once that commits. */
    @DeadlineHandler(deadlineName = STEP_RETRY)
    public void onRetryDue(StepAttemptDeadline deadline, CommandGateway commands, StepWorker worker) {
        Object started = commands.sendAndWait(CoordinatorDeadlines.retry(coordinated(), deadline));
        CoordinatorStarts.runNext(coordinated(), started, worker);
    }

    /**
     * A loss deadline an earlier version of the runtime scheduled for an attempt: the attempt counts as timed out
     * unless its outcome was recorded meanwhile. Attempts are now watched by the worker's loss scan instead.
     */
    @DeadlineHandler(deadlineName = STEP_TIMEOUT)
    public void onTimeout(StepAttemptDeadline deadline, CommandGateway commands, StepWorker worker) {
        NextAttempt started = commands.sendAndWait(CoordinatorDeadlines.lostAttempt(coordinated(), deadline));
        CoordinatorStarts.runNext(coordinated(), started, worker);
    }
}
