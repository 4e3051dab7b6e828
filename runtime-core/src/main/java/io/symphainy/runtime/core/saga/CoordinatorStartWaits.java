package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.execution.messages.AwaitedStartTakenOverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionApprovedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.saga.messages.ApprovalDeadline;
import io.symphainy.runtime.core.worker.StepWorker;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;

/**
 * The {@link SagaCoordinator}'s part before an execution's saga starts: the approval an execution the policy holds
 * waits for (until the deadline recorded with it, and not a moment longer), its start once approved, and the wait of
 * an approved execution whose capability version this node lacks, which a node that has the version ends by starting
 * it ({@link AwaitedStarts}).
 */
abstract class CoordinatorStartWaits extends CoordinatorState {

    @SagaEventHandler(associationProperty = SagaCoordinator.EXECUTION_ID)
    public void on(ExecutionAwaitingApprovalEvent event, DeadlineManager deadlines) {
        approvalScheduleId = CoordinatorDeadlines.scheduleApprovalTimeout(deadlines, event);
    }

    @SagaEventHandler(associationProperty = SagaCoordinator.EXECUTION_ID)
    public void on(ExecutionApprovedEvent event, CommandGateway commands, Curator curator, DeadlineManager deadlines,
                   StepWorker worker) {
        endApprovalWait(deadlines);
        CoordinatorStarts.start(this, null, commands, curator, worker);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SagaCoordinator.EXECUTION_ID)
    public void on(ExecutionRejectedByApproverEvent event, DeadlineManager deadlines) {
        endApprovalWait(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SagaCoordinator.EXECUTION_ID)
    public void on(ExecutionExpiredEvent event, DeadlineManager deadlines) {
        endApprovalWait(deadlines);
    }

    @DeadlineHandler(deadlineName = SagaCoordinator.APPROVAL_TIMEOUT)
    public void onApprovalTimeout(ApprovalDeadline deadline, CommandGateway commands) {
        approvalScheduleId = null;
        commands.sendAndWait(CoordinatorDeadlines.expiry(coordinated()));
    }

    /** A node with the version started the execution and its saga, in the transaction that recorded this. */
    @SagaEventHandler(associationProperty = SagaCoordinator.EXECUTION_ID)
    public void on(AwaitedStartTakenOverEvent event) {
        awaitingVersion = false;
    }
}
