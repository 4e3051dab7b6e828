package io.symphainy.runtime.core.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * db-scheduler's record of a fired deadline is written although the database refused it for a moment: without that, a
 * deadline handled just before an outage stayed picked until the scheduler declared its run dead.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class DeadlineBookkeepingTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    DeadlineManager deadlines;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHandledDeadlineIsRemovedAlthoughTheDatabaseRefusedTheRemovalTwice() throws Exception {
        String id = deadlines.schedule(Instant.now().plusSeconds(2), "bookkeeping-probe", "probe",
                new SagaScopeDescriptor("NoSuchSaga", "no-such-saga"));
        refuseTheFirstTwoRemovalsOf(id);
        try {
            long giveUpAt = System.nanoTime() + WAIT.toNanos();
            while (rowsOf(id) > 0 && System.nanoTime() < giveUpAt) {
                Thread.sleep(100);
            }
            assertThat(rowsOf(id)).as("the deadline's record, still there (picked) when its removal is not retried")
                    .isZero();
            assertThat(jdbc.queryForObject("select last_value from deadline_removals_refused", Long.class))
                    .as("removals tried: two refused, then the one that went through").isEqualTo(3);
        } finally {
            jdbc.execute("drop trigger refuse_deadline_removals on scheduled_tasks");
            jdbc.execute("drop function refuse_first_deadline_removals()");
            jdbc.execute("drop sequence deadline_removals_refused");
        }
    }

    @Test
    void aWriteRefusedForAPassingReasonIsTriedAgainUntilItGoesThrough() {
        AtomicInteger tries = new AtomicInteger();

        DeadlineBookkeeping.write("Test write", "of no deadline", () -> {
            if (tries.incrementAndGet() < 3) {
                throw new IllegalStateException(new SQLTransientConnectionException("pool timed out"));
            }
        });

        assertThat(tries).hasValue(3);
    }

    @Test
    void anyOtherFailureIsNotTriedAgain() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> DeadlineBookkeeping.write("Test write", "of no deadline", () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("Expected one execution to be removed, but removed 0");
        })).hasMessageContaining("removed 0");
        assertThat(tries).hasValue(1);
    }

    @Test
    void aWriteStillRefusedAfterThePatienceIsGivenUp() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> DeadlineBookkeeping.write("Test write", "of no deadline", () -> {
            tries.incrementAndGet();
            throw new IllegalStateException(new SQLTransientConnectionException("database away"));
        }, Duration.ofMillis(250))).hasRootCauseInstanceOf(SQLTransientConnectionException.class);
        assertThat(tries).as("tries within 250 ms: at once, after 100 ms (the next pause, 200 ms, would pass it)")
                .hasValue(2);
    }

    private void refuseTheFirstTwoRemovalsOf(String taskInstance) {
        jdbc.execute("create sequence deadline_removals_refused");
        jdbc.execute("""
                create function refuse_first_deadline_removals() returns trigger language plpgsql as $$
                begin
                    if old.task_instance = '%s' and nextval('deadline_removals_refused') <= 2 then
                        raise exception 'refused for the test' using errcode = 'query_canceled';
                    end if;
                    return old;
                end $$""".formatted(taskInstance));
        jdbc.execute("create trigger refuse_deadline_removals before delete on scheduled_tasks for each row"
                + " execute function refuse_first_deadline_removals()");
    }

    private int rowsOf(String taskInstance) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance = ?", Integer.class,
                taskInstance);
    }
}
