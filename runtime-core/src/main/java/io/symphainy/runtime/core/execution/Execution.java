package io.symphainy.runtime.core.execution;

import io.symphainy.runtime.core.common.ExecutionMetaData;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionHandover;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionReplayedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedAsEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionSnapshot;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentId;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.execution.messages.RecordReplayCommand;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import io.symphainy.runtime.core.execution.messages.Resumption;
import io.symphainy.runtime.core.execution.messages.StartExecutionCommand;
import io.symphainy.runtime.core.infrastructure.AggregateCacheConfiguration;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One attempt to satisfy one intent: accepted (perhaps held for approval) or rejected, then running, then one
 * terminal state.
 *
 * <p>The root owns what the intake recorded (identity, decision, payload fingerprint, refusal) and answers the intake
 * and replay; its status and run belong to {@link ExecutionLifecycle}, an approval hold to {@link ExecutionApproval},
 * what waits for the saga's start (signals kept, a wait for the capability version) to {@link ExecutionPendingStart}.
 */
@Aggregate(cache = AggregateCacheConfiguration.EXECUTION_CACHE)
public class Execution {

    @AggregateIdentifier
    private ExecutionId executionId;
    private TenantId tenantId;
    private IntentId intentId;
    private SessionId sessionId;
    private PolicyDecision policyDecision;
    private String payloadFingerprint;
    private IntentRejectedEvent rejection;
    @AggregateMember
    private final ExecutionLifecycle lifecycle = new ExecutionLifecycle(this);
    @AggregateMember
    private final ExecutionApproval approval = new ExecutionApproval(this);
    @AggregateMember
    private final ExecutionPendingStart pendingStart = new ExecutionPendingStart(this);

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

    /** A replay is recorded in any status, terminal ones included: it reads the past and changes nothing. */
    @CommandHandler
    public void handle(RecordReplayCommand command) {
        requireOwner(command.tenantId());
        record(new ExecutionReplayedEvent(executionId, tenantId, command.requestedBy(), command.mode(),
                command.outcome()));
    }

    /** Starts the execution; the intake calls it for an execution it starts in its own transaction. */
    public void start(StartExecutionCommand command) {
        lifecycle.handle(command);
    }

    /** Refuses a resumption: another tenant's execution is not found; only a failed or compensated one resumes. */
    public void requireResumableBy(TenantId caller) {
        requireOwner(caller);
        ExecutionRules.requireResumable(lifecycle.status(), executionId);
    }

    /** Records that a new execution resumes this one; called by the intake in the new execution's transaction. */
    public void recordResumedAs(ExecutionId resumedAs, UserId requestedBy) {
        record(new ExecutionResumedAsEvent(executionId, tenantId, resumedAs, requestedBy));
    }

    /** What a client that submits the same idempotency key again is told. */
    public IntakeReceipt receipt(boolean repeated) {
        ExecutionStatus status = lifecycle.status();
        if (rejection != null) {
            return new IntakeReceipt(executionId, intentId, status, rejection.code(), rejection.detail(),
                    rejection.violations(), repeated, rejection.policyDecision());
        }
        RejectionCode approvalRefusal = approval.refusal();
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
        return new ExecutionSnapshot(executionId, tenantId, sessionId, lifecycle.status(),
                lifecycle.resultReferences());
    }

    /** Whether the execution belongs to the given tenant. */
    public boolean belongsTo(TenantId caller) {
        return tenantId.equals(caller);
    }

    ExecutionId id() {
        return executionId;
    }

    TenantId tenant() {
        return tenantId;
    }

    ExecutionStatus status() {
        return lifecycle.status();
    }

    ExecutionHandover handover() {
        return pendingStart.handover();
    }

    /** Another tenant's execution answers as if it did not exist. */
    void requireOwner(TenantId caller) {
        ExecutionRules.requireSameTenant(tenantId, caller, executionId);
    }

    /**
     * Records an event with the execution's session and id in its metadata, whoever sent the command: an operator
     * cancelling by execution id still files the event under the session.
     */
    void record(Object event) {
        AggregateLifecycle.apply(event, ExecutionMetaData.of(sessionId, executionId));
    }

    @EventSourcingHandler
    void on(IntentAcceptedEvent event) {
        executionId = event.executionId();
        tenantId = event.tenantId();
        intentId = event.intentId();
        sessionId = event.sessionId();
        policyDecision = event.policyDecision();
        payloadFingerprint = event.payloadFingerprint();
    }

    @EventSourcingHandler
    void on(IntentRejectedEvent event) {
        executionId = event.executionId();
        tenantId = event.tenantId();
        intentId = event.intentId();
        sessionId = event.sessionId();
        payloadFingerprint = event.payloadFingerprint();
        rejection = event;
    }
}
