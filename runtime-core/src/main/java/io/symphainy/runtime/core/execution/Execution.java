package io.symphainy.runtime.core.execution;

import io.symphainy.runtime.core.common.ExecutionMetaData;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ApproveExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionApprovedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedAsEvent;
import io.symphainy.runtime.core.execution.messages.Resumption;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionReplayedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionSnapshot;
import io.symphainy.runtime.core.execution.messages.RecordReplayCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.ExpireExecutionCommand;
import io.symphainy.runtime.core.execution.messages.RejectExecutionCommand;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import io.symphainy.runtime.core.infrastructure.AggregateCacheConfiguration;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import java.time.Instant;
import io.symphainy.runtime.core.execution.messages.CancelExecutionCommand;
import io.symphainy.runtime.core.execution.messages.CompleteExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatingEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStartedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.FailExecutionCommand;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentId;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.execution.messages.MarkExecutionCompensatingCommand;
import io.symphainy.runtime.core.execution.messages.RecordExecutionCompensatedCommand;
import io.symphainy.runtime.core.execution.messages.StartExecutionCommand;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One attempt to satisfy one intent: accepted (perhaps held for approval) or rejected, then running, then one
 * terminal state.
 */
@Aggregate(cache = AggregateCacheConfiguration.EXECUTION_CACHE)
public class Execution {

    @AggregateIdentifier
    private ExecutionId executionId;
    private TenantId tenantId;
    private IntentId intentId;
    private SessionId sessionId;
    private UserId submittedBy;
    private PolicyDecision policyDecision;
    private ExecutionStatus status;
    private String payloadFingerprint;
    private IntentRejectedEvent rejection;
    private RejectionCode approvalRefusal;
    private Map<String, String> resultReferences = Map.of();

    /** Axon needs a no-arg constructor to rebuild the aggregate from its events. */
    protected Execution() {
    }

    /**
     * Records an accepted intent; the intake creates executions through the repository, in its transaction. When the
     * policy requires approval, the execution waits for it from {@code acceptedAt} for the rule's timeout.
     */
    public Execution(IntentAcceptedEvent accepted, Instant acceptedAt) {
        this(accepted, acceptedAt, null);
    }

    /** Records an accepted intent that may resume an earlier execution ({@code resumption} null when it does not). */
    public Execution(IntentAcceptedEvent accepted, Instant acceptedAt, Resumption resumption) {
        ExecutionOpening.accepted(accepted, acceptedAt, resumption, false);
    }

    /**
     * Records an accepted intent that the intake starts at once, in the same transaction: its metadata says so, and
     * the intake then starts the execution and its saga.
     */
    public static Execution startingAtIntake(IntentAcceptedEvent accepted, Instant acceptedAt) {
        Execution execution = new Execution();
        ExecutionOpening.accepted(accepted, acceptedAt, null, true);
        return execution;
    }

    /** Records a refused intent, so that auditors see the attempt; a refused resumption still names its origin. */
    public Execution(IntentRejectedEvent rejected, Resumption resumption) {
        ExecutionOpening.rejected(rejected, resumption);
    }

    @CommandHandler
    public void handle(StartExecutionCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        if (ExecutionRules.mayStart(status)) {
            apply(new ExecutionStartedEvent(executionId, tenantId, command.sagaId()));
        }
    }

    @CommandHandler
    public void handle(MarkExecutionCompensatingCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        if (ExecutionRules.mayStartCompensating(status)) {
            apply(new ExecutionCompensatingEvent(executionId, tenantId, command.failedStep(), command.errorCode()));
        }
    }

    @CommandHandler
    public void handle(CompleteExecutionCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        if (ExecutionRules.mayFinish(status)) {
            apply(new ExecutionCompletedEvent(executionId, tenantId, command.resultReferences()));
        }
    }

    @CommandHandler
    public void handle(FailExecutionCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        if (ExecutionRules.mayFinish(status)) {
            apply(new ExecutionFailedEvent(executionId, tenantId, command.failedStep(), command.errorCode(),
                    command.errorMessage()));
        }
    }

    @CommandHandler
    public void handle(RecordExecutionCompensatedCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        if (ExecutionRules.mayFinish(status)) {
            apply(new ExecutionCompensatedEvent(executionId, tenantId, command.failedStep(), command.errorCode(),
                    command.errorMessage()));
        }
    }

    @CommandHandler
    public void handle(CancelExecutionCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        ExecutionRules.requireCancellable(status, executionId);
        apply(new ExecutionCancelledEvent(executionId, tenantId, command.cancelledBy(), command.reason()));
    }

    @CommandHandler
    public void handle(ApproveExecutionCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        ExecutionRules.requireAwaitingApproval(status, executionId);
        ExecutionRules.requireFourEyes(submittedBy, command.approver(), executionId);
        apply(new ExecutionApprovedEvent(executionId, tenantId, command.approver(), command.reason()));
    }

    @CommandHandler
    public void handle(RejectExecutionCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        ExecutionRules.requireAwaitingApproval(status, executionId);
        ExecutionRules.requireFourEyes(submittedBy, command.approver(), executionId);
        apply(new ExecutionRejectedByApproverEvent(executionId, tenantId, command.approver(), command.reason()));
    }

    @CommandHandler
    public void handle(ExpireExecutionCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        if (ExecutionRules.mayExpire(status)) {
            apply(new ExecutionExpiredEvent(executionId, tenantId));
        }
    }

    /** A replay is recorded in any status, terminal ones included: it reads the past and changes nothing. */
    @CommandHandler
    public void handle(RecordReplayCommand command) {
        ExecutionRules.requireSameTenant(tenantId, command.tenantId(), executionId);
        apply(new ExecutionReplayedEvent(executionId, tenantId, command.requestedBy(), command.mode(),
                command.outcome()));
    }

    /** Refuses a resumption: another tenant's execution is not found; only a failed or compensated one resumes. */
    public void requireResumableBy(TenantId caller) {
        ExecutionRules.requireSameTenant(tenantId, caller, executionId);
        ExecutionRules.requireResumable(status, executionId);
    }

    /** Records that a new execution resumes this one; called by the intake in the new execution's transaction. */
    public void recordResumedAs(ExecutionId resumedAs, UserId requestedBy) {
        apply(new ExecutionResumedAsEvent(executionId, tenantId, resumedAs, requestedBy));
    }

    /**
     * Records an event with the execution's session and id in its metadata, whoever sent the command: an operator
     * cancelling by execution id still files the event under the session.
     */
    private void apply(Object event) {
        AggregateLifecycle.apply(event, ExecutionMetaData.of(sessionId, executionId));
    }

    /** What a client that submits the same idempotency key again is told. */
    public IntakeReceipt receipt(boolean repeated) {
        if (rejection != null) {
            return new IntakeReceipt(executionId, intentId, status, rejection.code(), rejection.detail(),
                    rejection.violations(), repeated, rejection.policyDecision());
        }
        if (approvalRefusal != null) {
            return new IntakeReceipt(executionId, intentId, status, approvalRefusal, "execution " + executionId
                    + " ended " + status.wireName() + " without running", List.of(), repeated, policyDecision);
        }
        return new IntakeReceipt(executionId, intentId, status, null, null, List.of(), repeated, policyDecision);
    }

    /** Whether this execution was submitted with the given payload fingerprint. */
    public boolean submittedWith(String fingerprint) {
        return payloadFingerprint.equals(fingerprint);
    }

    /** What this aggregate holds, for replay to compare with the State Surface. */
    public ExecutionSnapshot snapshot() {
        return new ExecutionSnapshot(executionId, tenantId, sessionId, status, resultReferences);
    }

    /** Whether the execution belongs to the given tenant. */
    public boolean belongsTo(TenantId caller) {
        return tenantId.equals(caller);
    }

    @EventSourcingHandler
    void on(IntentAcceptedEvent event) {
        executionId = event.executionId();
        tenantId = event.tenantId();
        intentId = event.intentId();
        sessionId = event.sessionId();
        submittedBy = event.userId();
        policyDecision = event.policyDecision();
        payloadFingerprint = event.payloadFingerprint();
        status = ExecutionStatus.ACCEPTED;
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
        approvalRefusal = RejectionCode.APPROVAL_REJECTED;
    }

    @EventSourcingHandler
    void on(ExecutionExpiredEvent event) {
        status = ExecutionStatus.EXPIRED;
        approvalRefusal = RejectionCode.APPROVAL_EXPIRED;
    }

    @EventSourcingHandler
    void on(IntentRejectedEvent event) {
        executionId = event.executionId();
        tenantId = event.tenantId();
        intentId = event.intentId();
        sessionId = event.sessionId();
        payloadFingerprint = event.payloadFingerprint();
        rejection = event;
        status = ExecutionStatus.REJECTED;
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
