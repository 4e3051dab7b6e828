package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.CompleteExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionApprovedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedFromEvent;
import io.symphainy.runtime.core.execution.messages.ExpireExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.FailExecutionCommand;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.MarkExecutionCompensatingCommand;
import io.symphainy.runtime.core.execution.messages.RecordExecutionCompensatedCommand;
import io.symphainy.runtime.core.execution.messages.StartExecutionCommand;
import io.symphainy.runtime.core.saga.messages.AbortSagaCommand;
import io.symphainy.runtime.core.saga.messages.ApprovalDeadline;
import io.symphainy.runtime.core.saga.messages.CompensationStartedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepFailedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepStartedEvent;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.RetryStepCommand;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.SagaCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaFailedEvent;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepAttemptDeadline;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import io.symphainy.runtime.core.session.messages.DetachExecutionFromSessionCommand;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.worker.StepFailureCodes;
import io.symphainy.runtime.core.worker.StepInvocation;
import io.symphainy.runtime.core.worker.StepWorker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * Sequences one execution: holds it while the policy requires approval (with a persistent approval deadline),
 * starts its saga, hands each recorded attempt to the worker, keeps the persistent timeout and retry deadlines, and
 * closes the execution when the saga ends. Every decision lives in the
 * {@link Saga} aggregate and {@link SagaRules}; this class only connects them. {@link SagaCoordinatorConfiguration}
 * registers it, so that each execution's events reach only the segment that holds its coordinator.
 */
@ProcessingGroup(SagaCoordinator.PROCESSING_GROUP)
public class SagaCoordinator {

    /** The processing group whose streaming processor runs the coordinators. */
    public static final String PROCESSING_GROUP = "saga-coordinator";
    static final String EXECUTION_ID = "executionId";
    static final String SAGA_ID = "sagaId";
    static final String STEP_TIMEOUT = "step-timeout";
    static final String STEP_RETRY = "step-retry";
    static final String APPROVAL_TIMEOUT = "approval-timeout";

    private ExecutionId executionId;
    private SagaId sagaId;
    private TenantId tenantId;
    private SessionId sessionId;
    private String capability;
    private String timeoutScheduleId;
    private boolean awaitingApproval;
    private String approvalScheduleId;
    private boolean awaitingResumption;
    private List<ReusedStep> reusedSteps = List.of();

    /**
     * Starts the saga unless the policy holds the execution, or unless it resumes another one: then the next event
     * lists the steps it reuses, and the saga starts from there. An execution the intake started in its own
     * transaction is only followed from here on.
     */
    @StartSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(IntentAcceptedEvent event, @MetaDataValue(MetaDataKeys.RESUMED_FROM) String resumedFrom,
                   @MetaDataValue(MetaDataKeys.STARTED_AT_INTAKE) String startedAtIntake,
                   CommandGateway commands, Curator curator, StepWorker worker) {
        executionId = event.executionId();
        tenantId = event.tenantId();
        sessionId = event.sessionId();
        capability = event.capability();
        sagaId = SagaId.forExecution(executionId);
        SagaLifecycle.associateWith(SAGA_ID, sagaId.toString());
        awaitingApproval = event.awaitsApproval();
        awaitingResumption = resumedFrom != null;
        if (!awaitingApproval && !awaitingResumption && !Boolean.parseBoolean(startedAtIntake)) {
            start(commands, curator, worker, event);
        }
    }

    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(ExecutionResumedFromEvent event, CommandGateway commands, Curator curator, StepWorker worker) {
        awaitingResumption = false;
        reusedSteps = List.copyOf(event.reusedSteps());
        if (!awaitingApproval) {
            start(commands, curator, worker, null);
        }
    }

    /** The execution waits for a decision until the deadline recorded with it, and not a moment longer. */
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(ExecutionAwaitingApprovalEvent event, DeadlineManager deadlines) {
        approvalScheduleId = deadlines.schedule(event.approvalDeadline(), APPROVAL_TIMEOUT,
                new ApprovalDeadline(executionId));
    }

    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(ExecutionApprovedEvent event, CommandGateway commands, Curator curator, DeadlineManager deadlines,
                   StepWorker worker) {
        endApprovalWait(deadlines);
        start(commands, curator, worker, null);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(ExecutionRejectedByApproverEvent event, CommandGateway commands, DeadlineManager deadlines) {
        endApprovalWait(deadlines);
        detachFromSession(commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(ExecutionExpiredEvent event, CommandGateway commands, DeadlineManager deadlines) {
        endApprovalWait(deadlines);
        detachFromSession(commands);
    }

    @DeadlineHandler(deadlineName = APPROVAL_TIMEOUT)
    public void onApprovalTimeout(ApprovalDeadline deadline, CommandGateway commands) {
        approvalScheduleId = null;
        commands.sendAndWait(DeadlineCommands.correlated(executionId, tenantId, sessionId,
                new ExpireExecutionCommand(executionId, tenantId)));
    }

    /**
     * Starts the execution and its saga; the saga's first attempt goes to the worker once this commits, with the
     * accepted intent when this handler holds it (else the worker reads it from the event store).
     */
    private void start(CommandGateway commands, Curator curator, StepWorker worker, IntentAcceptedEvent intent) {
        Optional<RegisteredCapability> registered = curator.named(capability);
        if (registered.isEmpty()) {
            commands.sendAndWait(new FailExecutionCommand(executionId, tenantId, null,
                    StepFailureCodes.STEP_UNAVAILABLE, "capability '" + capability + "' is not registered"));
            detachFromSession(commands);
            SagaLifecycle.end();
            return;
        }
        commands.sendAndWait(new StartExecutionCommand(executionId, tenantId, sagaId));
        commands.sendAndWait(new StartSagaCommand(sagaId, executionId, tenantId, sessionId, capability,
                registered.get().plan(), registered.get().definition().retryPolicy(), reusedSteps));
        if (reusedSteps.isEmpty() && !registered.get().plan().isEmpty()) {
            worker.handOffAfterCommit(new StepInvocation(sagaId, executionId, tenantId, sessionId, capability,
                    StepPhase.FORWARD, 0, 1), intent);
        }
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(StepStartedEvent event, DeadlineManager deadlines, StepWorker worker) {
        begin(StepPhase.FORWARD, event.stepIndex(), event.attempt(), deadlines, worker);
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(CompensationStepStartedEvent event, DeadlineManager deadlines, StepWorker worker) {
        begin(StepPhase.COMPENSATION, event.stepIndex(), event.attempt(), deadlines, worker);
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(StepSucceededEvent event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(StepFailedEvent event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(StepCompensatedEvent event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(CompensationStepFailedEvent event, DeadlineManager deadlines) {
        cancelTimeout(deadlines);
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(StepRetryScheduledEvent event, DeadlineManager deadlines) {
        deadlines.schedule(Duration.ofMillis(event.delayMillis()), STEP_RETRY,
                new StepAttemptDeadline(event.phase(), event.stepIndex(), event.nextAttempt()));
    }

    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(CompensationStartedEvent event, CommandGateway commands) {
        commands.sendAndWait(new MarkExecutionCompensatingCommand(executionId, tenantId, event.failedStep(),
                event.errorCode()));
    }

    /** A held execution has no saga yet: cancelling it only ends the wait. */
    @SagaEventHandler(associationProperty = EXECUTION_ID)
    public void on(ExecutionCancelledEvent event, CommandGateway commands, DeadlineManager deadlines) {
        if (awaitingApproval) {
            endApprovalWait(deadlines);
            detachFromSession(commands);
            SagaLifecycle.end();
            return;
        }
        commands.sendAndWait(new AbortSagaCommand(sagaId, tenantId, event.reason()));
    }

    /** Closes the execution, unless this node's worker did when it reported the success that completed the saga. */
    @EndSaga
    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(SagaCompletedEvent event, CommandGateway commands, StepWorker worker) {
        if (worker.closedExecution(executionId)) {
            return;
        }
        commands.sendAndWait(new CompleteExecutionCommand(executionId, tenantId, event.references()));
        detachFromSession(commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(SagaCompensatedEvent event, CommandGateway commands) {
        commands.sendAndWait(new RecordExecutionCompensatedCommand(executionId, tenantId, event.failedStep(),
                event.errorCode(), event.errorMessage()));
        detachFromSession(commands);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SAGA_ID)
    public void on(SagaFailedEvent event, CommandGateway commands) {
        commands.sendAndWait(new FailExecutionCommand(executionId, tenantId, event.failedStep(), event.errorCode(),
                event.errorMessage()));
        detachFromSession(commands);
    }

    @DeadlineHandler(deadlineName = STEP_TIMEOUT)
    public void onTimeout(StepAttemptDeadline deadline, CommandGateway commands) {
        timeoutScheduleId = null;
        commands.sendAndWait(DeadlineCommands.correlated(executionId, tenantId, sessionId,
                new RecordStepFailedCommand(sagaId, tenantId, deadline.phase(), deadline.stepIndex(),
                        deadline.attempt(), StepFailureCodes.STEP_TIMEOUT,
                        "no outcome was recorded before the attempt's deadline", true, 0)));
    }

    @DeadlineHandler(deadlineName = STEP_RETRY)
    public void onRetryDue(StepAttemptDeadline deadline, CommandGateway commands) {
        commands.sendAndWait(DeadlineCommands.correlated(executionId, tenantId, sessionId,
                new RetryStepCommand(sagaId, tenantId, deadline.phase(), deadline.stepIndex(), deadline.attempt())));
    }

    private void begin(StepPhase phase, int stepIndex, int attempt, DeadlineManager deadlines, StepWorker worker) {
        StepInvocation invocation = new StepInvocation(sagaId, executionId, tenantId, sessionId, capability, phase,
                stepIndex, attempt);
        cancelTimeout(deadlines);
        if (!worker.outcomeRecorded(invocation)) {
            timeoutScheduleId = deadlines.schedule(worker.lossDeadline(invocation), STEP_TIMEOUT,
                    new StepAttemptDeadline(phase, stepIndex, attempt));
        }
        worker.runAfterCommit(invocation);
    }

    private void cancelTimeout(DeadlineManager deadlines) {
        if (timeoutScheduleId != null) {
            deadlines.cancelSchedule(STEP_TIMEOUT, timeoutScheduleId);
            timeoutScheduleId = null;
        }
    }

    private void endApprovalWait(DeadlineManager deadlines) {
        awaitingApproval = false;
        if (approvalScheduleId != null) {
            deadlines.cancelSchedule(APPROVAL_TIMEOUT, approvalScheduleId);
            approvalScheduleId = null;
        }
    }

    private void detachFromSession(CommandGateway commands) {
        commands.sendAndWait(new DetachExecutionFromSessionCommand(sessionId, tenantId, executionId));
    }
}
