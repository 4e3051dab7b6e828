package io.symphainy.runtime.core.execution;

import io.symphainy.runtime.core.common.ExecutionMetaData;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedFromEvent;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.execution.messages.Resumption;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import java.time.Instant;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * What an execution records when the intake creates it: the decision, the link to the execution it resumes (if it
 * resumes one), and the approval wait the policy asked for.
 */
final class ExecutionOpening {

    private ExecutionOpening() {
    }

    /**
     * Applies an accepted intent's opening events. A resumption marks the accepted intent's metadata, so the
     * coordinator waits for the resumption's record (which lists the reused steps) before it starts the saga; so does
     * a start at intake, so the coordinator does not start the saga a second time.
     */
    static void accepted(IntentAcceptedEvent accepted, Instant acceptedAt, Resumption resumption,
                         boolean startedAtIntake) {
        // Events applied while creating reach the event-sourcing handlers only after the constructor returns: the
        // metadata comes from the event, not from the aggregate's fields.
        MetaData filing = ExecutionMetaData.of(accepted.sessionId(), accepted.executionId());
        MetaData intake = resumption == null ? filing
                : filing.and(MetaDataKeys.RESUMED_FROM, resumption.resumedFrom().toString());
        if (startedAtIntake) {
            intake = intake.and(MetaDataKeys.STARTED_AT_INTAKE, "true");
        }
        AggregateLifecycle.apply(accepted, intake);
        if (resumption != null) {
            AggregateLifecycle.apply(new ExecutionResumedFromEvent(accepted.executionId(), accepted.tenantId(),
                    resumption.resumedFrom(), resumption.requestedBy(), resumption.reusedSteps(),
                    accepted.runsVersion()), filing);
        }
        if (accepted.awaitsApproval()) {
            PolicyDecision decision = accepted.policyDecision();
            AggregateLifecycle.apply(new ExecutionAwaitingApprovalEvent(accepted.executionId(), accepted.tenantId(),
                    decision.rule(), decision.policyVersion(), acceptedAt.plus(decision.approvalTimeout())), filing);
        }
    }

    /** Applies a refused intent's events; a refused resumption still records which execution it resumed. */
    static void rejected(IntentRejectedEvent rejected, Resumption resumption) {
        MetaData filing = ExecutionMetaData.of(rejected.sessionId(), rejected.executionId());
        AggregateLifecycle.apply(rejected, filing);
        if (resumption != null) {
            AggregateLifecycle.apply(new ExecutionResumedFromEvent(rejected.executionId(), rejected.tenantId(),
                    resumption.resumedFrom(), resumption.requestedBy(), resumption.reusedSteps()), filing);
        }
    }
}
