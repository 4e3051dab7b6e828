package io.symphainy.runtime.core.execution;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ApproveExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionApprovedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.ExpireExecutionCommand;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.RejectExecutionCommand;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The approval an {@link Execution} the policy holds waits for: who may decide on it (four eyes), the approval, the
 * rejection or the expiry, and why an execution so held ended without running.
 */
final class ExecutionApproval {

    private final Execution execution;
    private UserId submittedBy;
    private RejectionCode refusal;

    ExecutionApproval(Execution execution) {
        this.execution = execution;
    }

    @CommandHandler
    void handle(ApproveExecutionCommand command) {
        requireDecidableBy(command.tenantId(), command.approver());
        execution.record(new ExecutionApprovedEvent(execution.id(), execution.tenant(), command.approver(),
                command.reason()));
    }

    @CommandHandler
    void handle(RejectExecutionCommand command) {
        requireDecidableBy(command.tenantId(), command.approver());
        execution.record(new ExecutionRejectedByApproverEvent(execution.id(), execution.tenant(), command.approver(),
                command.reason()));
    }

    @CommandHandler
    void handle(ExpireExecutionCommand command) {
        execution.requireOwner(command.tenantId());
        if (ExecutionRules.mayExpire(execution.status())) {
            execution.record(new ExecutionExpiredEvent(execution.id(), execution.tenant()));
        }
    }

    /** Why the execution ended without running after it was held, or {@code null}. */
    RejectionCode refusal() {
        return refusal;
    }

    private void requireDecidableBy(TenantId caller, UserId approver) {
        execution.requireOwner(caller);
        ExecutionRules.requireAwaitingApproval(execution.status(), execution.id());
        ExecutionRules.requireFourEyes(submittedBy, approver, execution.id());
    }

    @EventSourcingHandler
    void on(IntentAcceptedEvent event) {
        submittedBy = event.userId();
    }

    @EventSourcingHandler
    void on(ExecutionRejectedByApproverEvent event) {
        refusal = RejectionCode.APPROVAL_REJECTED;
    }

    @EventSourcingHandler
    void on(ExecutionExpiredEvent event) {
        refusal = RejectionCode.APPROVAL_EXPIRED;
    }
}
