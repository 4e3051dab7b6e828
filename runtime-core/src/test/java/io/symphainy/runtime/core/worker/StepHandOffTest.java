package io.symphainy.runtime.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.RuntimeDriver;
import io.symphainy.runtime.core.testing.TestRealm;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On a node that runs every segment of the coordinator, the saga's start and a step's success hand the next attempt
 * straight to the worker; the coordinator, reading the same start later, must not run it a second time. Real runtime
 * on PostgreSQL, in a context of its own so that no other test's execution hands steps over meanwhile.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {"runtime.policy.default-decision=ALLOW",
        "runtime.saga.hand-off-next-step=true"})
@WithTestDatabase
class StepHandOffTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private final TenantId tenant = new TenantId("tenant-hand-off");
    private final UserId user = new UserId("alice");

    @Autowired
    RuntimeDriver runtime;
    @Autowired
    StepWorker worker;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyAttemptRunsExactlyOnceWhenSuccessesHandTheNextStepOver() {
        long handedOffBefore = worker.handedOffAttempts();
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "h"), null);

        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);

        String execution = receipt.executionId().toString();
        List<String> attempts = TestRealm.LOG.stream().filter(entry -> entry.endsWith(":" + execution))
                .map(entry -> entry.substring(0, entry.length() - execution.length() - 1)).toList();
        assertThat(attempts).containsExactly("test.flaky:reserve:1", "test.flaky:charge:1", "test.flaky:charge:2",
                "test.flaky:charge:3", "test.flaky:confirm:1");
        // The saga's start → reserve, reserve → charge and charge (third attempt) → confirm went straight to the
        // worker; the retries of charge waited for their deadlines and the coordinator.
        assertThat(worker.handedOffAttempts() - handedOffBefore).isEqualTo(3);
    }

    @Test
    void aHandedOverAttemptSeesExactlyTheContextTheEventStoreHoldsForIt() {
        long handedOffBefore = worker.handedOffAttempts();
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.RELAY, Map.of("label", "r"), null);

        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);

        List<StepContext> given = TestRealm.CONTEXTS.stream()
                .filter(context -> context.executionId().equals(receipt.executionId())).toList();
        assertThat(given).extracting(StepContext::stepName).containsExactly("stamp", "relay", "finish");
        assertThat(worker.handedOffAttempts() - handedOffBefore).isEqualTo(3);
        for (StepContext context : given) {
            assertThat(context).isEqualTo(recordedContextOf(context));
        }
        // What a later step reads is the stored JSON, not the objects the earlier step returned.
        assertThat(given.get(1).outputs().get("stamp").facts()).isEqualTo(Map.of("count", 5, "ratio", 0.5,
                "at", "2030-01-01T10:00:00.123Z", "nested", Map.of("items", List.of(1, "two"))));
    }

    @Test
    void closingAnExecutionWhenItsSagaCompletesRecordsItsEndOnce() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.RELAY, Map.of("label", "c"), null);
        String execution = receipt.executionId().toString();

        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);
        awaitCoordinatorEnded(execution);

        assertThat(eventTypesNaming(execution)).filteredOn(type -> type.endsWith(".ExecutionCompletedEvent")
                || type.endsWith(".ExecutionDetachedFromSessionEvent")).hasSize(2).doesNotHaveDuplicates();
    }

    /** Waits until the coordinator has read the saga's completion and ended: no association names the execution. */
    private void awaitCoordinatorEnded(String execution) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (jdbc.queryForObject("select count(*) from association_value_entry where association_value = ?",
                Integer.class, execution) > 0) {
            assertThat(System.nanoTime()).as("the coordinator ends within %s", WITHIN).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private List<String> eventTypesNaming(String execution) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ?"
                + " or meta_data->>'executionId' = ? order by global_index", String.class, execution, execution);
    }

    /** The context the event store gives the attempt: the execution's events and the saga's before its start. */
    private StepContext recordedContextOf(StepContext context) {
        SagaId saga = SagaId.forExecution(context.executionId());
        List<Object> sagaEvents = payloads(saga.toString());
        int start = 0;
        while (!(sagaEvents.get(start) instanceof StepStartedEvent started && started.stepIndex() == context.stepIndex()
                && started.attempt() == context.attempt())) {
            start++;
        }
        StepInvocation invocation = new StepInvocation(saga, context.executionId(), context.tenantId(),
                context.sessionId(), context.capability(), StepPhase.FORWARD, context.stepIndex(), context.attempt());
        return StepContexts.fromEvents(payloads(context.executionId().toString()), sagaEvents.subList(0, start),
                invocation, context.stepName());
    }

    private List<Object> payloads(String aggregate) {
        return eventStore.readEvents(aggregate, 0).asStream().<Object>map(Message::getPayload).toList();
    }
}
