package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.common.BatchedStatements;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL that writes the waits of steps for signals into the State Surface's step rows. Every write is safe to
 * repeat, so a replayed event changes nothing.
 */
@Repository
class StepWaitTable {

    private final JdbcTemplate jdbc;

    StepWaitTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The step waits: status {@code waiting}, with its signal and deadline; the loss scan never reads it. */
    void stepWaiting(StepAwaitingSignalEvent e, Instant at) {
        BatchedStatements.add(jdbc, e.executionId(), """
                update execution_step_state set status = 'waiting', attempts = ?, next_retry_at = null,
                    started_at = coalesce(started_at, ?), signal = ?, signal_deadline = ?
                where execution_id = ? and step_index = ?""",
                e.attempt(), timestamp(at), e.signal(), timestamp(e.deadline()), e.executionId().value(),
                e.stepIndex());
    }

    /** The signal reached the step (its success follows); the step keeps the signal's name, not the deadline. */
    void signalDelivered(SignalDeliveredEvent e, Instant at) {
        BatchedStatements.add(jdbc, e.executionId(), """
                update execution_step_state set attempts = ?, started_at = coalesce(started_at, ?), signal = ?,
                    signal_deadline = null
                where execution_id = ? and step_index = ?""",
                e.attempt(), timestamp(at), e.signal(), e.executionId().value(), e.stepIndex());
    }
}
