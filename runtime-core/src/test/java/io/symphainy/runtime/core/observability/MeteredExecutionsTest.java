package io.symphainy.runtime.core.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.observability.MeteredExecutions.MeteredExecution;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The meters' record of running executions, on PostgreSQL, as a node and as the same node after a restart. */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class MeteredExecutionsTest {

    private final Instant acceptedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunningExecutionsCapabilityIsAnsweredFromMemoryWithoutReadingTheTable() {
        MeteredExecutions node = new MeteredExecutions(jdbc);
        ExecutionId execution = newExecution();
        node.accepted(execution, "tenant-meters", "content.parse", acceptedAt);

        jdbc.update("update metered_execution set capability = 'changed behind its back' where execution_id = ?",
                execution.toString());

        assertThat(node.capabilityOf(execution)).isEqualTo("content.parse");
    }

    @Test
    void aRestartedNodeReadsTheRunningExecutionFromTheTable() {
        ExecutionId execution = newExecution();
        new MeteredExecutions(jdbc).accepted(execution, "tenant-meters", "content.parse", acceptedAt);

        MeteredExecutions restarted = new MeteredExecutions(jdbc);

        assertThat(restarted.capabilityOf(execution)).isEqualTo("content.parse");
        assertThat(restarted.finished(execution)).contains(new MeteredExecution("content.parse", acceptedAt));
    }

    @Test
    void anExecutionEndsOnceAndIsThenForgottenEverywhere() {
        MeteredExecutions node = new MeteredExecutions(jdbc);
        ExecutionId execution = newExecution();
        node.accepted(execution, "tenant-meters", "diagnostics.echo", acceptedAt);

        assertThat(node.finished(execution)).contains(new MeteredExecution("diagnostics.echo", acceptedAt));
        assertThat(node.finished(execution)).isEmpty();
        assertThat(node.capabilityOf(execution)).isEqualTo(RuntimeMeters.UNKNOWN);
        assertThat(jdbc.queryForObject("select count(*) from metered_execution where execution_id = ?",
                Integer.class, execution.toString())).isZero();
    }

    @Test
    void anExecutionNeverSeenHasNoCapabilityAndNoEnd() {
        MeteredExecutions node = new MeteredExecutions(jdbc);
        ExecutionId unknown = newExecution();

        assertThat(node.capabilityOf(unknown)).isEqualTo(RuntimeMeters.UNKNOWN);
        assertThat(node.finished(unknown)).isEmpty();
    }

    private static ExecutionId newExecution() {
        return new ExecutionId(UUID.randomUUID());
    }
}
