package io.symphainy.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.RuntimeDriver;
import io.symphainy.runtime.core.testing.TestRealm;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Executions driven through the real runtime on PostgreSQL: retries, compensation and timeouts, checked in the
 * State Surface and in the event store. Its tenants publish no policy, so the runtime's fallback decision is ALLOW.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class ExecutionLifecycleTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private final TenantId tenant = new TenantId("tenant-lifecycle");
    private final UserId user = new UserId("alice");

    @Autowired
    RuntimeDriver runtime;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAllowedIntentIsAcceptedAndStartedWithItsSagaInOneTransaction() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.RELAY, Map.of("label", "t"), null);
        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);

        String execution = receipt.executionId().toString();
        List<Map<String, Object>> opening = jdbc.queryForList("""
                select xmin::text as transaction, payload_type, meta_data->>'startedAtIntake' as started_at_intake
                from domain_event_entry where meta_data->>'executionId' = ? and payload_type similar to
                '%(IntentAccepted|ExecutionStarted|SagaStarted|StepStarted)Event'
                order by global_index""", execution);
        assertThat(opening).extracting(row -> row.get("payload_type").toString().replaceAll(".*\\.", ""))
                .containsExactly("IntentAcceptedEvent", "ExecutionStartedEvent", "SagaStartedEvent",
                        "StepStartedEvent", "StepStartedEvent", "StepStartedEvent");
        assertThat(opening.subList(0, 4)).extracting(row -> row.get("transaction")).containsOnly(
                opening.get(0).get("transaction"));
        assertThat(opening.get(0).get("started_at_intake")).isEqualTo("true");
    }

    @Test
    void completesAfterStepTwoFailsTwiceWithEveryAttemptRecorded() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "a"), null);

        ExecutionStateView done = runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);

        assertThat(done.steps()).extracting(step -> step.name() + ":" + step.status() + ":" + step.attempts())
                .containsExactly("reserve:succeeded:1", "charge:succeeded:3", "confirm:succeeded:1");
        assertThat(done.resultReferences()).containsEntry("charge", "ch-res-a");
        List<Object> sagaEvents = sagaEvents(receipt);
        assertThat(sagaEvents).filteredOn(StepFailedEvent.class::isInstance).hasSize(2);
        assertThat(sagaEvents).filteredOn(StepRetryScheduledEvent.class::isInstance)
                .extracting(event -> ((StepRetryScheduledEvent) event).delayMillis())
                .containsExactly(100L, 200L);
        assertThat(sagaEvents).filteredOn(StepSucceededEvent.class::isInstance).hasSize(3);
    }

    @Test
    void compensatesCompletedStepsInReverseOrderWhenTheLastStepFailsForGood() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.DOOMED, Map.of("label", "b"), null);

        ExecutionStateView done = runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPENSATED,
                WITHIN);

        assertThat(done.errorCode()).isEqualTo("OUT_OF_STOCK");
        assertThat(done.failedStep()).isEqualTo("ship");
        assertThat(sagaEvents(receipt)).filteredOn(StepCompensatedEvent.class::isInstance)
                .extracting(event -> ((StepCompensatedEvent) event).stepName())
                .containsExactly("charge", "reserve");
        assertThat(TestRealm.LOG).filteredOn(line -> line.endsWith(receipt.executionId().toString())
                        && line.contains(":undo:"))
                .containsExactly("test.doomed:charge:undo:" + receipt.executionId(),
                        "test.doomed:reserve:undo:" + receipt.executionId());
    }

    @Test
    void cutsOffAHangingStepAndRetriesIt() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.HANGING, Map.of("label", "c"), null);

        ExecutionStateView done = runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);

        assertThat(done.steps().get(1).attempts()).isEqualTo(2);
        assertThat(sagaEvents(receipt)).filteredOn(StepFailedEvent.class::isInstance)
                .extracting(event -> ((StepFailedEvent) event).errorCode())
                .containsExactly("STEP_TIMEOUT");
    }

    @Test
    void recordsAnIntentForAnUnknownTypeAsRejected() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, "test.nothing", Map.of(), null);

        assertThat(receipt.rejectionCode()).isEqualTo(RejectionCode.UNKNOWN_INTENT_TYPE);
        ExecutionStateView rejected = runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.REJECTED,
                WITHIN);
        assertThat(rejected.rejectionCode()).isEqualTo("UNKNOWN_INTENT_TYPE");
    }

    @Test
    void returnsTheSameExecutionForARepeatedIdempotencyKey() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt first = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "d"), "key-1");
        IntakeReceipt second = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "d"), "key-1");

        assertThat(second.executionId()).isEqualTo(first.executionId());
        assertThat(second.repeated()).isTrue();
    }

    @Test
    void putsTheTenantOnEveryEventOfAnExecutionAndItsSaga() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "e"), null);
        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);

        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(receipt.executionId().toString(), 0).forEachRemaining(events::add);
        eventStore.readEvents(SagaId.forExecution(receipt.executionId()).toString(), 0).forEachRemaining(events::add);

        assertThat(events).hasSizeGreaterThan(10).allSatisfy(event -> {
            assertThat(event.getMetaData()).containsEntry(MetaDataKeys.TENANT_ID, tenant.value());
            assertThat(event.getMetaData()).containsEntry(MetaDataKeys.EXECUTION_ID, receipt.executionId().toString());
            assertThat(event.getMetaData()).containsEntry(MetaDataKeys.SESSION_ID, session.toString());
        });
    }

    private List<Object> sagaEvents(IntakeReceipt receipt) {
        return eventStore.readEvents(SagaId.forExecution(receipt.executionId()).toString(), 0).asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }
}
