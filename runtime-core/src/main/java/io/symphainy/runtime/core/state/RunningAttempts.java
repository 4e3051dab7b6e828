package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The attempts the State Surface shows running (forward or compensation), oldest first: what the loss scan watches;
 * and those waiting for a node with their capability version, which it does not watch.
 */
@Component
public class RunningAttempts {

    /** One running attempt, as recorded. */
    public record RunningAttempt(ExecutionId executionId, TenantId tenantId, SessionId sessionId, String capability,
                                 String capabilityVersion, StepPhase phase, int stepIndex, int attempt,
                                 Instant startedAt) {
    }

    private final JdbcTemplate jdbc;

    RunningAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The running attempts that started before the given instant, at most {@code limit}, oldest first. */
    public List<RunningAttempt> startedBefore(Instant instant, int limit) {
        return jdbc.query("""
                select e.execution_id, e.tenant_id, e.session_id, e.capability, a.phase, a.step_index, a.attempt,
                    a.started_at, e.capability_version
                from (
                    (select execution_id, 'FORWARD' as phase, step_index, attempts as attempt,
                         attempt_started_at as started_at
                     from execution_step_state where status = 'running' and attempt_started_at < ?
                     order by attempt_started_at limit ?)
                    union all
                    (select execution_id, 'COMPENSATION', step_index, compensation_attempts,
                         compensation_started_at
                     from execution_step_state where compensation_status = 'running' and compensation_started_at < ?
                     order by compensation_started_at limit ?)
                ) a join execution_state e on e.execution_id = a.execution_id
                order by a.started_at limit ?""",
                (row, n) -> new RunningAttempt(new ExecutionId(row.getObject(1, UUID.class)),
                        new TenantId(row.getString(2)), sessionOf(row.getObject(3, UUID.class)), row.getString(4),
                        row.getString(9), StepPhase.valueOf(row.getString(5)), row.getInt(6), row.getInt(7),
                        row.getTimestamp(8).toInstant()),
                timestamp(instant), limit, timestamp(instant), limit, limit);
    }

    /**
     * The attempts waiting for a node with their capability version, at most {@code limit}, longest waiting first;
     * an attempt's {@code startedAt} is when it began to wait.
     */
    public List<RunningAttempt> awaitingVersion(int limit) {
        return jdbc.query("""
                select e.execution_id, e.tenant_id, e.session_id, e.capability, s.phase, s.step_index, s.attempt,
                    coalesce(e.waiting_since, e.updated_at), e.capability_version
                from (select execution_id, case when status = 'waiting_for_version' then 'FORWARD'
                          else 'COMPENSATION' end as phase, step_index,
                          case when status = 'waiting_for_version' then attempts else compensation_attempts end
                          as attempt
                      from execution_step_state
                      where status = 'waiting_for_version' or compensation_status = 'waiting_for_version') s
                join execution_state e on e.execution_id = s.execution_id
                order by 8 limit ?""",
                (row, n) -> new RunningAttempt(new ExecutionId(row.getObject(1, UUID.class)),
                        new TenantId(row.getString(2)), sessionOf(row.getObject(3, UUID.class)), row.getString(4),
                        row.getString(9), StepPhase.valueOf(row.getString(5)), row.getInt(6), row.getInt(7),
                        row.getTimestamp(8).toInstant()),
                limit);
    }

    private static SessionId sessionOf(UUID raw) {
        return raw == null ? null : new SessionId(raw);
    }
}
