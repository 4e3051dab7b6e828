package io.symphainy.runtime.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The step path on the real runtime and PostgreSQL: whoever records an attempt's start runs it, exactly once; an
 * execution that never fails needs no coordinator; outcomes are recorded in groups; and an attempt whose outcome never
 * comes is found by the loss scan. A context of its own, so that no other test's execution runs meanwhile.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class StepPathTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private final TenantId tenant = new TenantId("tenant-step-path");
    private final UserId user = new UserId("alice");

    @Autowired
    RuntimeDriver runtime;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LostAttempts lostAttempts;

    @Test
    void everyAttemptRunsExactlyOnceThroughRetries() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "h"), null);

        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);

        assertThat(attemptsOf(receipt.executionId())).containsExactly("test.flaky:reserve:1", "test.flaky:charge:1",
                "test.flaky:charge:2", "test.flaky:charge:3", "test.flaky:confirm:1");
    }

    @Test
    void anExecutionWithoutFailureNeverGetsACoordinator() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.RELAY, Map.of("label", "n"), null);

        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);
        awaitCoordinatorRead(receipt.executionId());

        assertThat(jdbc.queryForObject("select count(*) from association_value_entry where association_value = ?",
                Integer.class, receipt.executionId().toString())).isZero();
        assertThat(eventTypesNaming(receipt.executionId().toString())).filteredOn(type -> type.endsWith(
                ".ExecutionCompletedEvent")).hasSize(1);
    }

    @Test
    void aRunAttemptSeesExactlyTheContextTheEventStoreHoldsForIt() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.RELAY, Map.of("label", "r"), null);

        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);

        List<StepContext> given = TestRealm.CONTEXTS.stream()
                .filter(context -> context.executionId().equals(receipt.executionId())).toList();
        assertThat(given).extracting(StepContext::stepName).containsExactly("stamp", "relay", "finish");
        for (StepContext context : given) {
            assertThat(context).isEqualTo(recordedContextOf(context));
        }
        // What a later step reads is the stored JSON, not the objects the earlier step returned.
        assertThat(given.get(1).outputs().get("stamp").facts()).isEqualTo(Map.of("count", 5, "ratio", 0.5,
                "at", "2030-01-01T10:00:00.123Z", "nested", Map.of("items", List.of(1, "two"))));
    }

    @Test
    void closingAnExecutionWhoseCoordinatorAlsoClosesItRecordsItsEndOnce() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "c"), null);
        String execution = receipt.executionId().toString();

        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);
        awaitCoordinatorRead(receipt.executionId());

        assertThat(eventTypesNaming(execution)).filteredOn(type -> type.endsWith(".ExecutionCompletedEvent"))
                .hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from association_value_entry where association_value = ?",
                Integer.class, execution)).as("the coordinator the retries needed has ended").isZero();
    }

    @Test
    void outcomesWaitingTogetherAreRecordedInOneTransaction() {
        SessionId session = runtime.openSession(tenant, user);
        List<ExecutionId> executions = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            executions.add(runtime.submit(tenant, user, session, TestRealm.RELAY, Map.of("label", "g" + i), null)
                    .executionId());
        }
        executions.forEach(execution -> runtime.awaitStatus(tenant, execution, ExecutionStatus.COMPLETED, WITHIN));

        List<Long> commits = jdbc.queryForList("""
                select count(distinct xmin::text) from domain_event_entry
                where payload_type like '%StepSucceededEvent' and meta_data->>'executionId' = any(?)""",
                Long.class, (Object) executions.stream().map(ExecutionId::toString).toArray(String[]::new));
        assertThat(commits.get(0)).as("transactions that recorded %d successes", executions.size() * 3)
                .isLessThan(executions.size() * 3L);
    }

    /**
     * An attempt whose node died never reports: the loss scan counts it as timed out once its timeout and grace have
     * passed since its recorded start, the saga retries it, and the late outcome of the lost attempt changes nothing.
     */
    @Test
    void theLossScanRetriesAnAttemptWhoseOutcomeNeverCame() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.LOST, Map.of("label", "l"), null);
        String execution = receipt.executionId().toString();
        awaitRunningInTheStateSurface(execution);

        jdbc.update("update execution_step_state set attempt_started_at = now() - interval '1 hour'"
                + " where execution_id = ?::uuid and step_index = 0", execution);
        assertThat(lostAttempts.scan()).isEqualTo(1);
        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);
        TestRealm.RELEASE_LOST.countDown();

        List<Map<String, Object>> failures = jdbc.queryForList("""
                select payload->>'errorCode' as code, payload->>'errorMessage' as message, payload->>'attempt' as attempt
                from domain_event_entry where aggregate_identifier = ? and payload_type like '%StepFailedEvent'""",
                SagaId.forExecution(receipt.executionId()).toString());
        assertThat(failures).containsExactly(Map.of("code", StepFailureCodes.STEP_TIMEOUT, "message",
                LostAttempts.LOST, "attempt", "1"));
        assertThat(attemptsOf(receipt.executionId())).startsWith("test.lost:wait:1").contains("test.lost:wait:2",
                "test.lost:finish:1");
    }

    private void awaitRunningInTheStateSurface(String execution) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (jdbc.queryForObject("select count(*) from execution_step_state where execution_id = ?::uuid"
                + " and step_index = 0 and status = 'running'", Integer.class, execution) == 0) {
            assertThat(System.nanoTime()).as("the attempt shows running within %s", WITHIN).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static List<String> attemptsOf(ExecutionId executionId) {
        String execution = executionId.toString();
        return TestRealm.LOG.stream().filter(entry -> entry.endsWith(":" + execution))
                .map(entry -> entry.substring(0, entry.length() - execution.length() - 1)).toList();
    }

    /** Waits until the coordinator's processor has read every event of the execution. */
    private void awaitCoordinatorRead(ExecutionId executionId) {
        long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (jdbc.queryForObject("""
                select count(*) from token_entry where processor_name = 'saga-coordinator'
                and (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint >= ?""", Integer.class, last) == 0) {
            assertThat(System.nanoTime()).as("the coordinator reads %s within %s", executionId, WITHIN)
                    .isLessThan(deadline);
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
                context.sessionId(), context.capability(), "1", StepPhase.FORWARD, context.stepIndex(), context.attempt());
        return StepContexts.fromEvents(payloads(context.executionId().toString()), sagaEvents.subList(0, start),
                invocation, context.stepName());
    }

    private List<Object> payloads(String aggregate) {
        return eventStore.readEvents(aggregate, 0).asStream().<Object>map(Message::getPayload).toList();
    }
}
