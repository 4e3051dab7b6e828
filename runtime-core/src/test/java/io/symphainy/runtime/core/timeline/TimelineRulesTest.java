package io.symphainy.runtime.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.dataref.spi.DataReferenceDescriptor;
import io.symphainy.runtime.core.dataref.spi.DataReferences;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionStartedEvent;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentId;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The summary, outcome and step rules of the audit timeline.
 */
class TimelineRulesTest {

    private static final ExecutionId EXECUTION = ExecutionId.random();
    private static final TenantId TENANT = new TenantId("tenant-a");
    private static final SagaId SAGA = SagaId.random();

    @Test
    void stepEventsCarryTheStepAttemptDurationAndError() {
        TimelineFacts failed = TimelineRules.describe(new StepFailedEvent(SAGA, EXECUTION, TENANT, 1, "charge", 2,
                "UPSTREAM_BUSY", "busy", true, 40));
        assertThat(failed).isEqualTo(new TimelineFacts("step charge attempt 2 failed: UPSTREAM_BUSY", null,
                "charge", 2, 40L));

        TimelineFacts succeeded = TimelineRules.describe(new StepSucceededEvent(SAGA, EXECUTION, TENANT, 1, "charge",
                3, Map.of(), Map.of(), 12));
        assertThat(succeeded.summary()).isEqualTo("step charge attempt 3 succeeded in 12 ms");
        assertThat(succeeded.durationMillis()).isEqualTo(12L);

        TimelineFacts retry = TimelineRules.describe(new StepRetryScheduledEvent(SAGA, EXECUTION, TENANT,
                StepPhase.FORWARD, 1, "charge", 3, 100));
        assertThat(retry.summary()).isEqualTo("step charge attempt 3 scheduled in 100 ms (forward)");
        assertThat(retry.attempt()).isEqualTo(3);
        assertThat(retry.outcome()).isNull();
    }

    @Test
    void aSuccessNamesTheDataReferencesItRegisteredWithTheirSources() {
        Map<String, Object> facts = ((StepResult.Succeeded) DataReferences.success(Map.of("content.document", "doc-1"), Map.of(), List.of(
                new DataReferenceDescriptor("doc-1", "content.document", List.of("upload-1"), null, Map.of(),
                        Map.of()),
                new DataReferenceDescriptor("upload-2", "content.upload", List.of(), null, Map.of(), Map.of()))))
                .facts();
        TimelineFacts succeeded = TimelineRules.describe(new StepSucceededEvent(SAGA, EXECUTION, TENANT, 1, "parse",
                1, Map.of("content.document", "doc-1"), facts, 7));
        assertThat(succeeded.summary()).isEqualTo("step parse attempt 1 succeeded in 7 ms; registered "
                + "content.document doc-1 from upload-1; content.upload upload-2");
    }

    @Test
    void theIntentSummaryNamesThePolicyDecision() {
        IntentAcceptedEvent accepted = new IntentAcceptedEvent(EXECUTION, IntentId.random(), TENANT,
                new UserId("alice"), SessionId.random(), "payments.charge", "payments", "payments.charge", Map.of(),
                Map.of(), null, "fingerprint", new PolicyDecision(Decision.ALLOW, "r1", 3, Set.of(), null));

        assertThat(TimelineRules.describe(accepted).summary())
                .isEqualTo("intent payments.charge accepted on version 1; policy ALLOW by rule r1 v3");
        assertThat(TimelineRules.describe(accepted).outcome()).isNull();
        assertThat(TimelineRules.policy(new PolicyDecision(Decision.ALLOW, null, 0, Set.of(), null)))
                .isEqualTo("policy ALLOW by default");
        assertThat(TimelineRules.policy(null)).isEqualTo("no policy decision");
    }

    @Test
    void terminalEventsHaveAnOutcomeAndOthersNone() {
        UserId bob = new UserId("bob");
        assertThat(outcome(new ExecutionCompletedEvent(EXECUTION, TENANT, Map.of()))).isEqualTo("completed");
        assertThat(outcome(new ExecutionFailedEvent(EXECUTION, TENANT, "s", "E", "m"))).isEqualTo("failed");
        assertThat(outcome(new ExecutionCompensatedEvent(EXECUTION, TENANT, "s", "E", "m"))).isEqualTo("compensated");
        assertThat(outcome(new ExecutionRejectedByApproverEvent(EXECUTION, TENANT, bob, "no"))).isEqualTo("rejected");
        assertThat(outcome(new ExecutionCancelledEvent(EXECUTION, TENANT, bob, null))).isEqualTo("cancelled");
        assertThat(outcome(new ExecutionExpiredEvent(EXECUTION, TENANT))).isEqualTo("expired");
        assertThat(outcome(new ExecutionStartedEvent(EXECUTION, TENANT, SAGA))).isNull();
        assertThat(TimelineRules.describe(new ExecutionCancelledEvent(EXECUTION, TENANT, bob, "wrong amount"))
                .summary()).isEqualTo("cancelled by bob: wrong amount");
        assertThat(TimelineRules.describe("unknown").summary()).isEqualTo("String");
    }

    private static String outcome(Object event) {
        return TimelineRules.describe(event).outcome();
    }
}
