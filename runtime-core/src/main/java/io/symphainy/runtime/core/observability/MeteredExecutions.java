package io.symphainy.runtime.core.observability;

import io.symphainy.runtime.core.common.BatchedStatements;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The executions the meters follow from acceptance to their end ({@code metered_execution}), so that a step's
 * figures carry its capability and an execution's duration survives a restart of the node.
 *
 * <p>The running executions this node saw accepted are also remembered in memory (a bounded number, least recently
 * used first out), so that the step events of an execution, a handful each, do not each read the table. The table
 * stays the record: a miss reads it. Its rows are written with the rest of the processor's batch.
 */
@Component
class MeteredExecutions {

    /** What the meters remember of a running execution. */
    record MeteredExecution(String capability, Instant acceptedAt) {
    }

    static final int REMEMBERED_EXECUTIONS = 4096;

    private final JdbcTemplate jdbc;
    private final Map<ExecutionId, MeteredExecution> remembered = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ExecutionId, MeteredExecution> eldest) {
                    return size() > REMEMBERED_EXECUTIONS;
                }
            });

    MeteredExecutions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void accepted(ExecutionId executionId, String tenant, String capability, Instant at) {
        BatchedStatements.add(jdbc, executionId, """
                insert into metered_execution (execution_id, tenant_id, capability, accepted_at) values (?, ?, ?, ?)
                on conflict (execution_id) do nothing""", executionId.toString(), tenant, capability,
                Timestamp.from(at));
        remembered.put(executionId, new MeteredExecution(capability, at));
    }

    Optional<MeteredExecution> find(ExecutionId executionId) {
        MeteredExecution known = remembered.get(executionId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<MeteredExecution> stored = jdbc.query(
                "select capability, accepted_at from metered_execution where execution_id = ?",
                (row, index) -> new MeteredExecution(row.getString(1), row.getTimestamp(2).toInstant()),
                executionId.toString()).stream().findFirst();
        stored.ifPresent(execution -> remembered.put(executionId, execution));
        return stored;
    }

    String capabilityOf(ExecutionId executionId) {
        return find(executionId).map(MeteredExecution::capability).orElse(RuntimeMeters.UNKNOWN);
    }

    /** Forgets the execution; returns what was remembered, empty when it had ended already or was never seen. */
    Optional<MeteredExecution> finished(ExecutionId executionId) {
        MeteredExecution known = remembered.remove(executionId);
        if (known != null) {
            BatchedStatements.add(jdbc, executionId, "delete from metered_execution where execution_id = ?",
                    executionId.toString());
            return Optional.of(known);
        }
        return jdbc.query("delete from metered_execution where execution_id = ? returning capability, accepted_at",
                (row, index) -> new MeteredExecution(row.getString(1), row.getTimestamp(2).toInstant()),
                executionId.toString()).stream().findFirst();
    }
}
