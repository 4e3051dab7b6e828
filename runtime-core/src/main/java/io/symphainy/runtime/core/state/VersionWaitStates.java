package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.common.BatchedStatements;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL that records on the State Surface an attempt, or an execution not started yet, waiting for a node with its
 * capability version, and its take-over; batched with the other writes of the processor's batch, and safe to repeat.
 */
@Repository
class VersionWaitStates {

    private final JdbcTemplate jdbc;

    VersionWaitStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The attempt waits for a node with its capability version; the loss scan skips it meanwhile. */
    void awaitingVersion(ExecutionId executionId, boolean forward, int step, String reason, Instant at) {
        batched(executionId, "update execution_step_state set " + (forward ? "status" : "compensation_status")
                + " = 'waiting_for_version' where execution_id = ? and step_index = ?", executionId.value(), step);
        batched(executionId, "update execution_state set waiting_reason = ?, waiting_since = ?, updated_at = ?"
                + " where execution_id = ?", reason, timestamp(at), timestamp(at), executionId.value());
    }

    /** A node with the version took the waiting attempt over: it runs again, its timeout counting from now. */
    void takenOver(ExecutionId executionId, boolean forward, int step, Instant at) {
        batched(executionId, forward
                ? "update execution_step_state set status = 'running', attempt_started_at = ?"
                        + " where execution_id = ? and step_index = ?"
                : "update execution_step_state set compensation_status = 'running', compensation_started_at = ?"
                        + " where execution_id = ? and step_index = ?", timestamp(at), executionId.value(), step);
        batched(executionId, "update execution_state set waiting_reason = null, waiting_since = null,"
                + " updated_at = ? where execution_id = ?", timestamp(at), executionId.value());
    }

    /** An accepted execution waits, not started, for a node with its capability version. */
    void startAwaitingVersion(ExecutionId executionId, String reason, Instant at) {
        batched(executionId, "update execution_state set waiting_reason = ?, waiting_since = ?, updated_at = ?"
                + " where execution_id = ?", reason, timestamp(at), timestamp(at), executionId.value());
    }

    /** A node with the version took the waiting execution over; it starts in the same transaction. */
    void startTakenOver(ExecutionId executionId, Instant at) {
        batched(executionId, "update execution_state set waiting_reason = null, waiting_since = null,"
                + " updated_at = ? where execution_id = ?", timestamp(at), executionId.value());
    }

    private void batched(ExecutionId executionId, String sql, Object... arguments) {
        BatchedStatements.add(jdbc, executionId, sql, arguments);
    }
}
