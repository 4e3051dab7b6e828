package io.symphainy.runtime.core.resume;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentId;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.execution.messages.Resumption;
import io.symphainy.runtime.core.execution.messages.SubmitIntentCommand;
import io.symphainy.runtime.core.intake.IntentIntake;
import io.symphainy.runtime.core.resume.messages.ResumeOutcome;
import io.symphainy.runtime.core.resume.messages.ResumeRequest;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.SagaId;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Resumes a failed or compensated execution: submits the same intent again (same session, tenant, payload,
 * capability and, unless the operator names another, capability version) through the ordinary intake, so the
 * tenant's policy decides on it like on any other intent, marked as a resumption that reuses the recorded outputs
 * {@link ResumeRules} allows.
 *
 * <p>The intake checks the resumed execution's status in its own transaction and records both links there; a
 * repeated resumption of one execution answers the execution the first one created.
 */
@Component
public class ExecutionResumer {

    private final EventStore eventStore;
    private final Curator curator;
    private final IntentIntake intake;

    ExecutionResumer(EventStore eventStore, Curator curator, IntentIntake intake) {
        this.eventStore = eventStore;
        this.curator = curator;
        this.intake = intake;
    }

    /** The resumption's outcome, or nothing when the tenant has no such execution. */
    public Optional<ResumeOutcome> resume(ResumeRequest request) {
        List<Object> execution = payloads(request.executionId().toString());
        if (!belongsTo(execution, request)) {
            return Optional.empty();
        }
        IntentAcceptedEvent accepted = execution.stream().filter(IntentAcceptedEvent.class::isInstance)
                .map(IntentAcceptedEvent.class::cast).findFirst()
                .orElseThrow(() -> new RuleViolationException(RuleViolationCode.EXECUTION_NOT_RESUMABLE,
                        "execution " + request.executionId() + " was rejected; it never ran"));
        String version = request.capabilityVersion() == null ? accepted.runsVersion() : request.capabilityVersion();
        List<ReusedStep> reused = reusableSteps(request.executionId(), accepted, version);
        Resumption resumption = new Resumption(request.executionId(), request.requestedBy(), reused);
        IntakeReceipt receipt = intake.submit(new SubmitIntentCommand(IntentId.random(), request.tenantId(),
                request.requestedBy(), accepted.sessionId(), accepted.intentType(), accepted.realm(),
                accepted.payload(), accepted.metadata(), null, request.roles(), resumption, version));
        return Optional.of(new ResumeOutcome(receipt, request.executionId(),
                reused.stream().map(ReusedStep::stepName).toList()));
    }

    /**
     * Outputs are reused only while the intent type still maps to the capability that recorded them, by the plan of
     * the version the resumption runs.
     */
    private List<ReusedStep> reusableSteps(ExecutionId resumed, IntentAcceptedEvent accepted, String version) {
        List<PlannedStep> plan = curator.forIntentType(accepted.intentType(), version)
                .filter(capability -> capability.name().equals(accepted.capability()))
                .map(RegisteredCapability::plan).orElse(List.of());
        return ResumeRules.reusableSteps(resumed, payloads(SagaId.forExecution(resumed).toString()), plan);
    }

    private static boolean belongsTo(List<Object> execution, ResumeRequest request) {
        return execution.stream().anyMatch(payload ->
                payload instanceof IntentAcceptedEvent accepted && accepted.tenantId().equals(request.tenantId())
                        || payload instanceof IntentRejectedEvent rejected
                        && rejected.tenantId().equals(request.tenantId()));
    }

    private List<Object> payloads(String aggregateIdentifier) {
        return eventStore.readEvents(aggregateIdentifier, 0).asStream().<Object>map(Message::getPayload).toList();
    }
}
