package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.dataref.spi.DataReferenceDescriptor;
import io.symphainy.runtime.core.dataref.spi.DataReferences;
import io.symphainy.runtime.core.execution.messages.ExecutionApprovedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionReplayedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedAsEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedFromEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionStartedEvent;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import io.symphainy.runtime.core.quota.messages.TenantQuotaSetEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStartedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepFailedEvent;
import io.symphainy.runtime.core.saga.messages.CompensationStepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The audit timeline's reading of an event: a one-line summary such as {@code step charge attempt 2 failed:
 * UPSTREAM_BUSY} or {@code intent payments.charge accepted on version 1; policy ALLOW by rule r1 v3}, the outcome of
 * events that end an execution, and the step facts of step events. Events it has no rule for are summarised by their
 * type.
 */
public final class TimelineRules {

    private TimelineRules() {
    }

    /** The facts of one event payload. */
    public static TimelineFacts describe(Object event) {
        if (event instanceof IntentAcceptedEvent e) {
            return TimelineFacts.of("intent " + e.intentType() + " accepted on version " + e.runsVersion() + "; "
                    + policy(e.policyDecision()));
        }
        if (event instanceof IntentRejectedEvent e) {
            return TimelineFacts.ending("intent " + e.intentType() + " rejected: " + e.code()
                    + (e.policyDecision() == null ? "" : "; " + policy(e.policyDecision())), "rejected");
        }
        if (event instanceof ExecutionAwaitingApprovalEvent e) {
            return TimelineFacts.of("awaiting approval by rule " + e.rule() + " v" + e.policyVersion()
                    + " until " + e.approvalDeadline());
        }
        if (event instanceof ExecutionApprovedEvent e) {
            return TimelineFacts.of("approved by " + user(e.approvedBy()) + reason(e.reason()));
        }
        if (event instanceof ExecutionRejectedByApproverEvent e) {
            return TimelineFacts.ending("rejected by approver " + user(e.rejectedBy()) + reason(e.reason()),
                    "rejected");
        }
        if (event instanceof ExecutionExpiredEvent) {
            return TimelineFacts.ending("approval expired", "expired");
        }
        if (event instanceof ExecutionCancelledEvent e) {
            return TimelineFacts.ending("cancelled by " + user(e.cancelledBy()) + reason(e.reason()), "cancelled");
        }
        if (event instanceof ExecutionStartedEvent) {
            return TimelineFacts.of("execution started");
        }
        if (event instanceof ExecutionCompletedEvent) {
            return TimelineFacts.ending("execution completed", "completed");
        }
        if (event instanceof ExecutionFailedEvent e) {
            return TimelineFacts.ending("execution failed at step " + e.failedStep() + ": " + e.errorCode(),
                    "failed");
        }
        if (event instanceof ExecutionCompensatedEvent e) {
            return TimelineFacts.ending("execution compensated after step " + e.failedStep() + " failed: "
                    + e.errorCode(), "compensated");
        }
        if (event instanceof ExecutionReplayedEvent e) {
            return TimelineFacts.of("replay " + e.mode() + " by " + user(e.requestedBy()) + ": " + e.outcome());
        }
        if (event instanceof ExecutionResumedFromEvent e) {
            return TimelineFacts.of("resumes execution " + e.resumedFrom() + " (by " + user(e.requestedBy())
                    + "), reusing " + e.reusedSteps().size() + " steps"
                    + (e.capabilityVersion() == null ? "" : ", on version " + e.capabilityVersion()));
        }
        if (event instanceof ExecutionResumedAsEvent e) {
            return TimelineFacts.of("resumed as execution " + e.resumedAs() + " by " + user(e.requestedBy()));
        }
        if (event instanceof CompensationStartedEvent e) {
            return TimelineFacts.of("compensation started after step " + e.failedStep() + " failed: "
                    + e.errorCode() + "; compensating " + e.stepsToCompensate());
        }
        if (event instanceof TenantQuotaSetEvent e) {
            return TimelineFacts.of("tenant quota set: " + limits(e.limits()));
        }
        return describeStep(event);
    }

    /** {@code max_in_flight 5, intents_per_second 2.0, burst none, upload_bytes_per_day none}. */
    static String limits(QuotaLimits l) {
        return "max_in_flight " + orNone(l.maxInFlight()) + ", intents_per_second " + orNone(l.intentsPerSecond())
                + ", burst " + orNone(l.burst()) + ", upload_bytes_per_day " + orNone(l.uploadBytesPerDay());
    }

    private static String orNone(Object limit) {
        return limit == null ? "none" : limit.toString();
    }

    private static TimelineFacts describeStep(Object event) {
        if (event instanceof StepStartedEvent e) {
            return TimelineFacts.step(step(e.stepName(), e.attempt()) + " started", e.stepName(), e.attempt(), null);
        }
        if (event instanceof StepSucceededEvent e) {
            return TimelineFacts.step(step(e.stepName(), e.attempt()) + " succeeded in " + e.durationMillis()
                    + " ms" + registered(e), e.stepName(), e.attempt(), e.durationMillis());
        }
        if (event instanceof StepOutputReusedEvent e) {
            return TimelineFacts.step("step " + e.stepName() + " reused the output recorded by execution "
                    + e.recordedBy(), e.stepName(), 0, null);
        }
        if (event instanceof StepFailedEvent e) {
            return TimelineFacts.step(step(e.stepName(), e.attempt()) + " failed: " + e.errorCode(), e.stepName(),
                    e.attempt(), e.durationMillis());
        }
        if (event instanceof StepRetryScheduledEvent e) {
            return TimelineFacts.step(step(e.stepName(), e.nextAttempt()) + " scheduled in " + e.delayMillis()
                    + " ms (" + e.phase().name().toLowerCase(Locale.ROOT) + ")", e.stepName(),
                    e.nextAttempt(), null);
        }
        TimelineFacts wait = TimelineWaits.describe(event);
        if (wait != null) {
            return wait;
        }
        if (event instanceof CompensationStepStartedEvent e) {
            return TimelineFacts.step("compensation of " + step(e.stepName(), e.attempt()) + " started",
                    e.stepName(), e.attempt(), null);
        }
        if (event instanceof StepCompensatedEvent e) {
            return TimelineFacts.step("compensation of " + step(e.stepName(), e.attempt()) + " succeeded in "
                    + e.durationMillis() + " ms", e.stepName(), e.attempt(), e.durationMillis());
        }
        if (event instanceof CompensationStepFailedEvent e) {
            return TimelineFacts.step("compensation of " + step(e.stepName(), e.attempt()) + " failed: "
                    + e.errorCode(), e.stepName(), e.attempt(), e.durationMillis());
        }
        return TimelineFacts.of(event.getClass().getSimpleName());
    }

    /** {@code policy ALLOW by rule r1 v3}, or {@code policy ALLOW by default} when no rule matched. */
    static String policy(PolicyDecision decision) {
        if (decision == null) {
            return "no policy decision";
        }
        return "policy " + decision.decision() + (decision.rule() == null ? " by default"
                : " by rule " + decision.rule() + " v" + decision.policyVersion());
    }

    /** {@code ; registered content.document 1f2e… from 9a8b…}: the provenance a step recorded with its success. */
    private static String registered(StepSucceededEvent event) {
        List<DataReferenceDescriptor> produced = DataReferences.registeredIn(event.facts());
        if (produced.isEmpty()) {
            return "";
        }
        return produced.stream().map(ref -> ref.kind() + " " + ref.refId()
                        + (ref.sourceRefs().isEmpty() ? "" : " from " + String.join(", ", ref.sourceRefs())))
                .collect(Collectors.joining("; ", "; registered ", ""));
    }

    static String step(String name, int attempt) {
        return "step " + name + " attempt " + attempt;
    }

    private static String user(UserId user) {
        return user == null ? "unknown" : user.value();
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
