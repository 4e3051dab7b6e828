package io.symphainy.runtime.core.execution;

import io.symphainy.runtime.core.execution.messages.CancelExecutionCommand;
import io.symphainy.runtime.core.execution.messages.CompleteExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionApprovedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatingEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionHandover;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionStartedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.FailExecutionCommand;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.execution.messages.MarkExecutionCompensatingCommand;
import io.symphainy.runtime.core.execution.messages.RecordExecutionCompensatedCommand;
import io.symphainy.runtime.core.execution.messages.StartExecutionCommand;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The status of an {@link Execution} and the commands that run and end it: start, compensation, completion, failure
 * and cancellation, with the result references a completion leaves.
 */
final class ExecutionLifecycle {

    private final Execution execution;
    private ExecutionStatus status;
    private Map<String, String> resultReferences = Map.of();

    ExecutionLifecycle(Execution execution) {
        this.execution = execution;
    }

    /** Starts an accepted execution; answers what it hands its saga, or {@code null} when it did not start. */
    @CommandHandler
    ExecutionHandover handle(StartExecutionCommand command) {
        execution.requireOwner(command.tenantId());
        if (!ExecutionRules.mayStart(status)) {
            return null;
        }
        ExecutionHandover handover = execution.handover();
        execution.record(new ExecutionStartedEvent(execution.id(), execution.tenant(), command.sagaId()));
        return handover;
    }

    @CommandHandler
    void handle(MarkExecutionCompensatingCommand command) {
        execution.requireOwner(command.tenantId());
        if (ExecutionRules.mayStartCompensating(status)) {
            execution.record(new ExecutionCompensatingEvent(execution.id(), execution.tenant(), command.failedStep(),
                    command.errorCode()));
        }
    }

    @CommandHandler
    void handle(CompleteExecutionCommand command) {
        execution.requireOwner(command.tenantId());
        if (ExecutionRules.mayFinish(status)) {
            execution.record(new ExecutionCompletedEvent(execution.id(), execution.tenant(),
                    command.resultReferences()));
        }
    }

    @CommandHandler
    void handle(FailExecutionCommand command) {
        execution.requireOwner(command.tenantId());
        if (ExecutionRules.mayFinish(status)) {
            execution.record(new ExecutionFailedEvent(execution.id(), execution.tenant(), command.failedStep(),
                    command.errorCode(), command.errorMessage()));
        }
    }

    @CommandHandler
    void handle(RecordExecutionCompensatedCommand command) {
        execution.requireOwner(command.tenantId());
        if (ExecutionRules.mayFinish(status)) {
            execution.record(new ExecutionCompensatedEvent(execution.id(), execution.tenant(), command.failedStep(),
                    command.errorCode(), command.errorMessage()));
        }
    }

    @CommandHandler
    void handle(CancelExecutionCommand command) {
        execution.requireOwner(command.tenantId());
        ExecutionRules.requireCancellable(status, execution.id());
        execution.record(new ExecutionCancelledEvent(execution.id(), execution.tenant(), command.cancelledBy(),
                command.reason()));
    }

    ExecutionStatus status() {
        return status;
    }

    Map<String, String> resultReferences() {
        return resultReferences;
    }

    @EventSourcingHandler
    void on(IntentAcceptedEvent event) {
        status = ExecutionStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(IntentRejectedEvent event) {
        status = ExecutionStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ExecutionAwaitingApprovalEvent event) {
        status = ExecutionStatus.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(ExecutionApprovedEvent event) {
        status = ExecutionStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ExecutionRejectedByApproverEvent event) {
        status = ExecutionStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ExecutionExpiredEvent event) {
        status = ExecutionStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ExecutionStartedEvent event) {
        status = ExecutionStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(ExecutionCompensatingEvent event) {
        status = ExecutionStatus.COMPENSATING;
    }

    @EventSourcingHandler
    void on(ExecutionCompletedEvent event) {
        status = ExecutionStatus.COMPLETED;
        resultReferences = event.resultReferences() == null ? Map.of() : Map.copyOf(event.resultReferences());
    }

    @EventSourcingHandler
    void on(ExecutionFailedEvent event) {
        status = ExecutionStatus.FAILED;
    }

    @EventSourcingHandler
    void on(ExecutionCompensatedEvent event) {
        status = ExecutionStatus.COMPENSATED;
    }

    @EventSourcingHandler
    void on(ExecutionCancelledEvent event) {
        status = ExecutionStatus.CANCELLED;
    }
}
