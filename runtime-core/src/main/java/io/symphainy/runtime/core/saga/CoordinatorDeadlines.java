package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExpireExecutionCommand;
import io.symphainy.runtime.core.saga.messages.ApprovalDeadline;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.RetryStepCommand;
import io.symphainy.runtime.core.saga.messages.StepAttemptDeadline;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.worker.StepFailureCodes;
import java.time.Duration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;

/**
 * The persistent deadlines of a {@link SagaCoordinator}: scheduling and cancelling the approval window and a retry's
 * backoff, and the command each deadline sends when it fires.
 */
final class CoordinatorDeadlines {

    private CoordinatorDeadlines() {
    }

    /** Schedules the end of the approval window at the deadline recorded with it; answers the schedule's id. */
    static String scheduleApprovalTimeout(DeadlineManager deadlines, ExecutionAwaitingApprovalEvent event) {
        return deadlines.schedule(event.approvalDeadline(), SagaCoordinator.APPROVAL_TIMEOUT,
                new ApprovalDeadline(event.executionId()));
    }

    /** Cancels the approval window's deadline, if one is scheduled. */
    static void cancelApprovalTimeout(DeadlineManager deadlines, String scheduleId) {
        if (scheduleId != null) {
            deadlines.cancelSchedule(SagaCoordinator.APPROVAL_TIMEOUT, scheduleId);
        }
    }

    /** Schedules the retry of a failed attempt once its backoff has passed. */
    static void scheduleRetry(DeadlineManager deadlines, StepRetryScheduledEvent event) {
        deadlines.schedule(Duration.ofMillis(event.delayMillis()), SagaCoordinator.STEP_RETRY,
                new StepAttemptDeadline(event.phase(), event.stepIndex(), event.nextAttempt()));
    }

    /** What the approval window's end sends: the execution expires unless it was decided on meanwhile. */
    static CommandMessage<?> expiry(CoordinatedExecution execution) {
        return DeadlineCommands.correlated(execution.executionId(), execution.tenantId(), execution.sessionId(),
                new ExpireExecutionCommand(execution.executionId(), execution.tenantId()));
    }

    /** What a due retry sends: the saga starts the attempt, unless it is not awaited any more. */
    static CommandMessage<?> retry(CoordinatedExecution execution, StepAttemptDeadline deadline) {
        return DeadlineCommands.correlated(execution.executionId(), execution.tenantId(), execution.sessionId(),
                new RetryStepCommand(execution.sagaId(), execution.tenantId(), deadline.phase(), deadline.stepIndex(),
                        deadline.attempt()));
    }

    /** What a loss deadline of an earlier version sends: the attempt counts as a retryable timeout. */
    static CommandMessage<?> lostAttempt(CoordinatedExecution execution, StepAttemptDeadline deadline) {
        return DeadlineCommands.correlated(execution.executionId(), execution.tenantId(), execution.sessionId(),
                new RecordStepFailedCommand(execution.sagaId(), execution.tenantId(), deadline.phase(),
                        deadline.stepIndex(), deadline.attempt(), StepFailureCodes.STEP_TIMEOUT,
                        "no outcome was recorded before the attempt's deadline", true, 0));
    }
}
