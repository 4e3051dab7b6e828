package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.execution.messages.ExecutionApprovedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedAsEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedFromEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatingEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionStartedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepFailedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepStartedEvent;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The State Surface of executions: one row per execution and one per step, kept current from the event store; the
 * executions awaiting approval double as the pending-approvals read model ({@link ExecutionStateQueries} answers its
 * queries).
 */
@Component
@ProcessingGroup(ExecutionStateProjection.PROCESSING_GROUP)
public class ExecutionStateProjection {

    /** The processing group, and name, of this projection's processor. */
    public static final String PROCESSING_GROUP = "execution-state";

    private final ExecutionStartRows starts;
    private final ExecutionStateTable table;
    private final ExecutionApprovalTable approvals;

    ExecutionStateProjection(ExecutionStartRows starts, ExecutionStateTable table, ExecutionApprovalTable approvals) {
        this.starts = starts;
        this.table = table;
        this.approvals = approvals;
    }

    @EventHandler
    void on(IntentAcceptedEvent event, @Timestamp Instant at) {
        starts.insertAccepted(event, at);
    }

    @EventHandler
    void on(IntentRejectedEvent event, @Timestamp Instant at) {
        starts.insertRejected(event, at);
    }

    @EventHandler
    void on(ExecutionAwaitingApprovalEvent event, @Timestamp Instant at) {
        approvals.awaiting(event.executionId(), event.approvalDeadline(), at);
    }

    @EventHandler
    void on(ExecutionApprovedEvent event, @Timestamp Instant at) {
        approvals.approved(event.executionId(), event.approvedBy().value(), event.reason(), at);
    }

    @EventHandler
    void on(ExecutionRejectedByApproverEvent event, @Timestamp Instant at) {
        approvals.rejected(event.executionId(), event.rejectedBy().value(), event.reason(), at);
    }

    @EventHandler
    void on(ExecutionExpiredEvent event, @Timestamp Instant at) {
        approvals.expired(event.executionId(), at);
    }

    @EventHandler
    void on(ExecutionStartedEvent event, @Timestamp Instant at) {
        starts.markStarted(event.executionId(), at);
    }

    @EventHandler
    void on(SagaStartedEvent event) {
        starts.insertSteps(event.executionId(), event.steps());
    }

    @EventHandler
    void on(StepStartedEvent event, @Timestamp Instant at) {
        starts.stepStarted(event.executionId(), event.stepIndex(), event.attempt(), at);
    }

    @EventHandler
    void on(StepSucceededEvent event, @Timestamp Instant at) {
        table.stepSucceeded(event, at);
    }

    @EventHandler
    void on(StepOutputReusedEvent event, @Timestamp Instant at) {
        table.stepReused(event, at);
    }

    @EventHandler
    void on(ExecutionResumedFromEvent event) {
        table.resumedFrom(event.executionId(), event.resumedFrom());
    }

    @EventHandler
    void on(ExecutionResumedAsEvent event, @Timestamp Instant at) {
        table.resumedAs(event.executionId(), event.resumedAs(), at);
    }

    @EventHandler
    void on(StepFailedEvent event, @Timestamp Instant at) {
        table.stepFailed(event, at);
    }

    @EventHandler
    void on(StepRetryScheduledEvent event, @Timestamp Instant at) {
        Instant due = at.plusMillis(event.delayMillis());
        if (event.phase() == StepPhase.FORWARD) {
            table.stepRetryScheduled(event.executionId(), event.stepIndex(), due);
        } else {
            table.compensationRetryScheduled(event.executionId(), event.stepIndex(), due);
        }
    }

    @EventHandler
    void on(CompensationStepStartedEvent event, @Timestamp Instant at) {
        table.compensationStarted(event.executionId(), event.stepIndex(), event.attempt(), at);
    }

    @EventHandler
    void on(StepCompensatedEvent event, @Timestamp Instant at) {
        table.stepCompensated(event.executionId(), event.stepIndex(), at);
    }

    @EventHandler
    void on(CompensationStepFailedEvent event) {
        table.compensationFailed(event.executionId(), event.stepIndex(),
                event.errorCode() + ": " + event.errorMessage());
    }

    @EventHandler
    void on(ExecutionCompensatingEvent event, @Timestamp Instant at) {
        table.changeStatus(event.executionId(), ExecutionStatus.COMPENSATING, at);
    }

    @EventHandler
    void on(ExecutionCompletedEvent event, @Timestamp Instant at) {
        table.completed(event.executionId(), event.resultReferences(), at);
    }

    @EventHandler
    void on(ExecutionFailedEvent event, @Timestamp Instant at) {
        table.finishedWithError(event.executionId(), ExecutionStatus.FAILED, event.failedStep(), event.errorCode(),
                event.errorMessage(), at);
    }

    @EventHandler
    void on(ExecutionCompensatedEvent event, @Timestamp Instant at) {
        table.finishedWithError(event.executionId(), ExecutionStatus.COMPENSATED, event.failedStep(),
                event.errorCode(), event.errorMessage(), at);
    }

    @EventHandler
    void on(ExecutionCancelledEvent event, @Timestamp Instant at) {
        table.finishedWithError(event.executionId(), ExecutionStatus.CANCELLED, null, "CANCELLED", event.reason(), at);
    }

    @ResetHandler
    void reset() {
        table.clear();
    }
}
