package io.symphainy.runtime.core.observability;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The executions the meters follow from acceptance to their end ({@code metered_execution}), so that a step's
 * figures carry its capability and an execution's duration survives a restart of the node.
 */
@Component
class MeteredExecutions {

    /** What the meters remember of a running execution. */
    record MeteredExecution(String capability, Instant acceptedAt) {
    }

    private final JdbcTemplate jdbc;

    MeteredExecutions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void accepted(ExecutionId executionId, String tenant, String capability, Instant at) {
        jdbc.update("""
                insert into metered_execution (execution_id, tenant_id, capability, accepted_at) values (?, ?, ?, ?)
                on conflict (execution_id) do nothing""", executionId.toString(), tenant, capability,
                Timestamp.from(at));
    }

    Optional<MeteredExecution> find(ExecutionId executionId) {
        return jdbc.query("select capability, accepted_at from metered_execution where execution_id = ?",
                (row, index) -> new MeteredExecution(row.getString(1), row.getTimestamp(2).toInstant()),
                executionId.toString()).stream().findFirst();
    }

    String capabilityOf(ExecutionId executionId) {
        return find(executionId).map(MeteredExecution::capability).orElse(RuntimeMeters.UNKNOWN);
    }

    /** Forgets the execution; returns what was remembered, empty when it had ended already or was never seen. */
    Optional<MeteredExecution> finished(ExecutionId executionId) {
        Optional<MeteredExecution> execution = find(executionId);
        execution.ifPresent(found -> jdbc.update("delete from metered_execution where execution_id = ?",
                executionId.toString()));
        return execution;
    }
}
