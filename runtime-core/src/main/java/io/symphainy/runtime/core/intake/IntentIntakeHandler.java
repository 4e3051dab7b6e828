package io.symphainy.runtime.core.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.Execution;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import io.symphainy.runtime.core.execution.messages.SubmitIntentCommand;
import io.symphainy.runtime.core.policy.CommittedPolicies;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import io.symphainy.runtime.core.session.Session;
import io.symphainy.runtime.core.session.SessionAdmission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Turns a submitted intent into an accepted or rejected execution, in one transaction with the session's record of
 * it: once this handler's unit of work commits, the intent is durable and the client may be told so. The tenant's
 * policy decides here, once, with its latest committed version: allow, deny, or hold for approval. An allowed intent
 * that resumes nothing is started in the same transaction ({@link IntakeStart}); a repeat finds its earlier submission
 * ({@link IntakeRepeats}).
 */
@Component
public class IntentIntakeHandler {

    private final Repository<Session> sessions;
    private final Repository<Execution> executions;
    private final CommittedPolicies policies;
    private final Curator curator;
    private final IntakeStart start;
    private final IntakeRepeats repeats;
    private final ObjectMapper payloadMapper = new ObjectMapper();

    public IntentIntakeHandler(@Qualifier("sessionRepository") Repository<Session> sessions,
                               @Qualifier("executionRepository") Repository<Execution> executions,
                               CommittedPolicies policies, Curator curator, IntakeStart start) {
        this.sessions = sessions;
        this.executions = executions;
        this.policies = policies;
        this.curator = curator;
        this.start = start;
        this.repeats = new IntakeRepeats(executions);
    }

    @CommandHandler
    public IntakeReceipt handle(SubmitIntentCommand command, UnitOfWork<?> unitOfWork) {
        requireKnownVersion(command);
        String realm = IntakeRules.realmOf(command.intentType(), command.realm());
        String fingerprint = PayloadFingerprint.of(command, realm);
        Optional<Aggregate<Execution>> resumed = command.resumes() ? Optional.of(repeats.resumable(command))
                : Optional.empty();
        ExecutionId executionId = IntakeRepeats.executionIdOf(command);
        if (command.hasIdempotencyKey() || command.resumes()) {
            Optional<IntakeReceipt> earlier = repeats.earlierSubmission(executionId, command, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        unitOfWork.registerCorrelationDataProvider(
                message -> Map.of(MetaDataKeys.EXECUTION_ID, executionId.toString()));
        IntakeReceipt receipt = admit(command, executionId, realm, fingerprint);
        resumed.ifPresent(original -> original.execute(execution ->
                execution.recordResumedAs(executionId, command.resumption().requestedBy())));
        return receipt;
    }

    private IntakeReceipt admit(SubmitIntentCommand command, ExecutionId executionId, String realm,
                                String fingerprint) {
        Optional<Aggregate<Session>> session = loadSession(command);
        SessionAdmission admission = session.map(s -> s.invoke(open -> open.admit(command.tenantId())))
                .orElse(SessionAdmission.NOT_FOUND);
        Optional<RejectionCode> sessionRefusal = IntakeRules.sessionRefusal(admission);
        if (sessionRefusal.isPresent()) {
            return reject(command, executionId, realm, fingerprint, sessionRefusal.get(),
                    "session " + command.sessionId() + (admission == SessionAdmission.CLOSED ? " is closed" : " not found"),
                    List.of(), null);
        }
        Optional<RegisteredCapability> capability = curator.forIntentType(command.intentType(),
                command.capabilityVersion());
        if (capability.isEmpty()) {
            return reject(command, executionId, realm, fingerprint, RejectionCode.UNKNOWN_INTENT_TYPE,
                    "no capability handles intent type '" + command.intentType() + "'", List.of(), null);
        }
        String capabilityRealm = capability.get().definition().realm();
        if (!IntakeRules.realmMatches(realm, capabilityRealm)) {
            return reject(command, executionId, realm, fingerprint, RejectionCode.REALM_MISMATCH,
                    "intent type '" + command.intentType() + "' belongs to realm '" + capabilityRealm
                            + "', not '" + realm + "'", List.of(), null);
        }
        List<String> violations = capability.get().violationsOf(payloadMapper.valueToTree(command.payload()));
        if (!violations.isEmpty()) {
            return reject(command, executionId, realm, fingerprint, RejectionCode.PAYLOAD_SCHEMA_VIOLATION,
                    "payload does not satisfy the input schema of capability '" + capability.get().name() + "'",
                    violations, null);
        }
        PolicyDecision decision = decide(command, realm, capability.get());
        if (decision.denies()) {
            return reject(command, executionId, realm, fingerprint, RejectionCode.POLICY_DENIED,
                    "policy rule '" + decision.rule() + "' (version " + decision.policyVersion()
                            + ") denies intent type '" + command.intentType() + "'", List.of(), decision);
        }
        IntentAcceptedEvent accepted = new IntentAcceptedEvent(executionId, command.intentId(), command.tenantId(),
                command.userId(), command.sessionId(), command.intentType(), realm, capability.get().name(),
                command.payload(), command.metadata(), command.idempotencyKey(), fingerprint, decision,
                capability.get().version());
        Instant acceptedAt = GenericEventMessage.clock.instant();
        boolean startsNow = !decision.requiresApproval() && !command.resumes();
        Aggregate<Execution> execution = createExecution(() -> startsNow
                ? Execution.startingAtIntake(accepted, acceptedAt)
                : new Execution(accepted, acceptedAt, command.resumption()));
        if (startsNow) {
            start.start(execution, accepted, capability.get());
        }
        ExecutionStatus status = decision.requiresApproval() ? ExecutionStatus.AWAITING_APPROVAL
                : ExecutionStatus.ACCEPTED;
        return new IntakeReceipt(executionId, command.intentId(), status, null, null, List.of(), false, decision);
    }

    /** The decision of the tenant's latest committed policy, or the configured fallback when it has none. */
    private PolicyDecision decide(SubmitIntentCommand command, String realm, RegisteredCapability capability) {
        return policies.decide(new PolicySubject(command.tenantId(), command.userId(), command.roles(),
                command.intentType(), realm, capability.definition().effectiveRiskLevel(), command.payload(),
                capability.version()));
    }

    /**
     * Refuses, before anything is recorded, an intent that asks for a version of its capability this node does not
     * have; an intent type no capability handles is rejected and recorded as always.
     */
    private void requireKnownVersion(SubmitIntentCommand command) {
        String version = command.capabilityVersion();
        Optional<RegisteredCapability> newest = curator.forIntentType(command.intentType());
        if (version != null && newest.isPresent()
                && curator.forIntentType(command.intentType(), version).isEmpty()) {
            throw new RuleViolationException(RuleViolationCode.UNKNOWN_CAPABILITY_VERSION, "capability '"
                    + newest.get().name() + "' has no version '" + version + "' on this node; registered: "
                    + curator.versionsOf(newest.get().name()).stream().map(RegisteredCapability::version).toList());
        }
    }

    private IntakeReceipt reject(SubmitIntentCommand command, ExecutionId executionId, String realm,
                                 String fingerprint, RejectionCode code, String detail, List<String> violations,
                                 PolicyDecision decision) {
        IntentRejectedEvent rejected = new IntentRejectedEvent(executionId, command.intentId(), command.tenantId(),
                command.userId(), command.sessionId(), command.intentType(), realm, command.payload(),
                command.metadata(), command.idempotencyKey(), fingerprint, code, detail, violations, decision);
        createExecution(() -> new Execution(rejected, command.resumption()));
        return new IntakeReceipt(executionId, command.intentId(), ExecutionStatus.REJECTED, code, detail, violations,
                false, decision);
    }

    /**
     * Unchecked failures pass through untouched: a lock conflict between concurrent submissions is transient, and
     * the command gateway retries transient failures only when it can see them.
     */
    private Aggregate<Execution> createExecution(java.util.concurrent.Callable<Execution> factory) {
        try {
            return executions.newInstance(factory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot record the execution", e);
        }
    }

    private Optional<Aggregate<Session>> loadSession(SubmitIntentCommand command) {
        try {
            return Optional.of(sessions.load(command.sessionId().toString()));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
