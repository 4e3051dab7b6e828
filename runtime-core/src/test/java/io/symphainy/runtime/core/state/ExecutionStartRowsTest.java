package io.symphainy.runtime.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.TestData;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentId;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An execution's first rows on PostgreSQL: its start and its first attempt folded into their inserts when they follow
 * them in one transaction, and the rows the unfolded statements leave wherever something comes between or the rows
 * exist already.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class ExecutionStartRowsTest {

    private static final Instant ACCEPTED = Instant.parse("2030-01-01T10:00:00.125Z");
    private static final Instant STARTED = ACCEPTED.plusMillis(2);
    private static final List<PlannedStep> PLAN = List.of(
            new PlannedStep(0, "reserve", SideEffectClass.IDEMPOTENT, true, 1_000),
            new PlannedStep(1, "charge", SideEffectClass.COMPENSATABLE, true, 1_000),
            new PlannedStep(2, "notify", SideEffectClass.PURE, false, 1_000));

    @Autowired
    ExecutionStartRows starts;
    @Autowired
    ExecutionApprovalTable approvals;
    @Autowired
    TransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anIntentStartedInItsOwnTransactionIsInsertedRunningWithItsFirstAttempt() {
        ExecutionId execution = ExecutionId.random();

        long updated = inOneTransaction(() -> {
            starts.insertAccepted(accepted(execution), ACCEPTED);
            starts.markStarted(execution, STARTED);
            starts.insertSteps(execution, PLAN);
            starts.stepStarted(execution, 0, 1, STARTED);
        });

        assertThat(updated).as("rows updated by the transaction").isZero();
        assertThat(execution(execution)).containsEntry("status", "running")
                .containsEntry("started_at", Timestamp.from(STARTED))
                .containsEntry("updated_at", Timestamp.from(STARTED))
                .containsEntry("accepted_at", Timestamp.from(ACCEPTED));
        assertThat(steps(execution)).extracting(row -> row.get("status"))
                .containsExactly("running", "pending", "pending");
        assertThat(steps(execution).get(0)).containsEntry("attempts", 1)
                .containsEntry("started_at", Timestamp.from(STARTED))
                .containsEntry("attempt_started_at", Timestamp.from(STARTED));
        assertThat(steps(execution).get(1)).containsEntry("attempts", 0).containsEntry("started_at", null)
                .containsEntry("compensable", true).containsEntry("side_effect", "COMPENSATABLE");
    }

    @Test
    void aStartAfterAnotherChangeOfTheExecutionIsTheUpdateItWouldBe() {
        ExecutionId execution = ExecutionId.random();

        long updated = inOneTransaction(() -> {
            starts.insertAccepted(accepted(execution), ACCEPTED);
            approvals.awaiting(execution, ACCEPTED.plusSeconds(3600), ACCEPTED);
            starts.markStarted(execution, STARTED);
        });

        assertThat(updated).as("rows updated by the transaction").isOne();
        assertThat(execution(execution)).containsEntry("status", "awaiting_approval").containsEntry("started_at", null);
    }

    @Test
    void replayedInsertsStartRowsThatExistAlreadyAsTheUpdatesWould() {
        ExecutionId execution = ExecutionId.random();
        IntentAcceptedEvent intent = accepted(execution);
        inOneTransaction(() -> {
            starts.insertAccepted(intent, ACCEPTED);
            starts.insertSteps(execution, PLAN);
        });

        inOneTransaction(() -> {
            starts.insertAccepted(intent, ACCEPTED);
            starts.markStarted(execution, STARTED);
            starts.insertSteps(execution, PLAN);
            starts.stepStarted(execution, 0, 1, STARTED);
        });

        assertThat(execution(execution)).containsEntry("status", "running")
                .containsEntry("started_at", Timestamp.from(STARTED));
        assertThat(steps(execution)).extracting(row -> row.get("status"))
                .containsExactly("running", "pending", "pending");
    }

    @Test
    void aReplayedStartOfAnExecutionThatWentOnChangesNothing() {
        ExecutionId execution = ExecutionId.random();
        IntentAcceptedEvent intent = accepted(execution);
        inOneTransaction(() -> {
            starts.insertAccepted(intent, ACCEPTED);
            starts.markStarted(execution, STARTED);
        });
        jdbc.update("update execution_state set status = 'completed' where execution_id = ?", execution.value());

        inOneTransaction(() -> {
            starts.insertAccepted(intent, ACCEPTED);
            starts.markStarted(execution, STARTED.plusSeconds(1));
        });

        assertThat(execution(execution)).containsEntry("status", "completed")
                .containsEntry("started_at", Timestamp.from(STARTED));
    }

    /** Runs the writes in one unit of work and transaction; answers the State Surface rows the transaction updated. */
    private long inOneTransaction(Runnable writes) {
        AtomicLong updated = new AtomicLong();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> {
            long before = updatesCounted();
            writes.run();
            unitOfWork.onPrepareCommit(batchWritten -> updated.set(updatesCounted() - before));
        });
        return updated.get();
    }

    /**
     * The rows of the two tables updated by this connection as counted so far: PostgreSQL 15 adds to the current
     * transaction's counts those of earlier ones not yet reported, so only a difference within one transaction counts.
     */
    private long updatesCounted() {
        return jdbc.queryForObject("""
                select coalesce(sum(n_tup_upd), 0) from pg_stat_xact_user_tables
                where relname in ('execution_state', 'execution_step_state')""", Long.class);
    }

    private Map<String, Object> execution(ExecutionId execution) {
        return jdbc.queryForMap("select * from execution_state where execution_id = ?", execution.value());
    }

    private List<Map<String, Object>> steps(ExecutionId execution) {
        return jdbc.queryForList("select * from execution_step_state where execution_id = ? order by step_index",
                execution.value());
    }

    private static IntentAcceptedEvent accepted(ExecutionId execution) {
        return new IntentAcceptedEvent(execution, IntentId.random(), TestData.TENANT, TestData.USER,
                TestData.SESSION_ID, TestData.INTENT_TYPE, TestData.REALM, TestData.CAPABILITY, Map.of(), Map.of(),
                null, TestData.PAYLOAD_FINGERPRINT, TestData.ALLOWED);
    }
}
