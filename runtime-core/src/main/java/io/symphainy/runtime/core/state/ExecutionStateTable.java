package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.common.BatchedStatements;
import static io.symphainy.runtime.core.common.JsonColumns.timestamp;
import static io.symphainy.runtime.core.common.JsonColumns.write;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL that writes the execution State Surface, its executions' and steps' rows ({@link ExecutionStateReads} reads
 * them), once they exist ({@link ExecutionStartRows} inserts them). Every write is safe to repeat, so a replayed event
 * changes nothing.
 */
@Repository
class ExecutionStateTable {

    private final JdbcTemplate jdbc;

    ExecutionStateTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void stepSucceeded(StepSucceededEvent e, Instant at) {
        batched(e.executionId(), """
                update execution_step_state set status = 'succeeded', attempts = ?, finished_at = ?, duration_ms = ?,
                    references_produced = ?, facts = ? where execution_id = ? and step_index = ?""",
                e.attempt(), timestamp(at), e.durationMillis(), write(e.references()), write(e.facts()),
                e.executionId().value(), e.stepIndex());
    }

    /** A reused step keeps zero attempts: it did not run in this execution. */
    void stepReused(StepOutputReusedEvent e, Instant at) {
        batched(e.executionId(), """
                update execution_step_state set status = 'reused', finished_at = ?, references_produced = ?, facts = ?
                    where execution_id = ? and step_index = ?""",
                timestamp(at), write(e.references()), write(e.facts()), e.executionId().value(), e.stepIndex());
    }

    void resumedFrom(ExecutionId executionId, ExecutionId resumedFrom) {
        batched(executionId, "update execution_state set resumed_from = ? where execution_id = ?", resumedFrom.value(),
                executionId.value());
    }

    void resumedAs(ExecutionId executionId, ExecutionId resumedAs, Instant at) {
        batched(executionId, "update execution_state set resumed_as = ?, updated_at = ? where execution_id = ?",
                resumedAs.value(), timestamp(at), executionId.value());
    }

    void stepFailed(StepFailedEvent e, Instant at) {
        batched(e.executionId(), """
                update execution_step_state set status = 'failed', attempts = ?, finished_at = ?, duration_ms = ?,
                    last_error_code = ?, last_error_message = ? where execution_id = ? and step_index = ?""",
                e.attempt(), timestamp(at), e.durationMillis(), e.errorCode(), e.errorMessage(),
                e.executionId().value(), e.stepIndex());
    }

    void stepRetryScheduled(ExecutionId executionId, int step, Instant due) {
        batched(executionId, "update execution_step_state set status = 'retry_scheduled', next_retry_at = ?"
                + " where execution_id = ? and step_index = ?", timestamp(due), executionId.value(), step);
    }

    void compensationStarted(ExecutionId executionId, int step, int attempt, Instant at) {
        batched(executionId, "update execution_step_state set compensation_status = 'running', compensation_attempts = ?,"
                + " next_retry_at = null, compensation_started_at = ? where execution_id = ? and step_index = ?",
                attempt, timestamp(at), executionId.value(), step);
    }

    void compensationRetryScheduled(ExecutionId executionId, int step, Instant due) {
        batched(executionId, "update execution_step_state set compensation_status = 'retry_scheduled', next_retry_at = ?"
                + " where execution_id = ? and step_index = ?", timestamp(due), executionId.value(), step);
    }

    void stepCompensated(ExecutionId executionId, int step, Instant at) {
        batched(executionId, "update execution_step_state set compensation_status = 'compensated', compensated_at = ?"
                + " where execution_id = ? and step_index = ?", timestamp(at), executionId.value(), step);
    }

    void compensationFailed(ExecutionId executionId, int step, String error) {
        batched(executionId, "update execution_step_state set compensation_status = 'failed', compensation_error = ?"
                + " where execution_id = ? and step_index = ?", error, executionId.value(), step);
    }

    void changeStatus(ExecutionId executionId, ExecutionStatus status, Instant at) {
        batched(executionId, "update execution_state set status = ?, updated_at = ? where execution_id = ?",
                status.wireName(), timestamp(at), executionId.value());
    }

    void completed(ExecutionId executionId, Map<String, String> references, Instant at) {
        batched(executionId, "update execution_state set status = ?, result_references = ?, finished_at = ?, updated_at = ?"
                        + " where execution_id = ?", ExecutionStatus.COMPLETED.wireName(), write(references),
                timestamp(at), timestamp(at), executionId.value());
    }

    void finishedWithError(ExecutionId executionId, ExecutionStatus status, String failedStep, String errorCode,
                           String errorMessage, Instant at) {
        batched(executionId, """
                update execution_state set status = ?, failed_step = ?, error_code = ?, error_message = ?,
                    finished_at = ?, updated_at = ? where execution_id = ?""",
                status.wireName(), failedStep, errorCode, errorMessage, timestamp(at), timestamp(at),
                executionId.value());
    }

    void clear() {
        jdbc.update("delete from execution_step_state");
        jdbc.update("delete from execution_state");
    }

    /** A write of the execution's rows, run with the others of the processor's batch ({@link BatchedStatements}). */
    private void batched(ExecutionId executionId, String sql, Object... arguments) {
        BatchedStatements.add(jdbc, executionId, sql, arguments);
    }
}
