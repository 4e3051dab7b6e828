package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.state.messages.FindExecutionIdsQuery;
import io.symphainy.runtime.core.state.messages.StepStateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL that reads the execution State Surface: one execution with its steps, and the ids of a tenant's executions
 * that match a filter ({@link ExecutionStateTable} writes it).
 */
@Repository
class ExecutionStateReads {

    private final JdbcTemplate jdbc;

    ExecutionStateReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ExecutionId> ids(FindExecutionIdsQuery query) {
        StringBuilder sql = new StringBuilder("select execution_id from execution_state where tenant_id = ?");
        List<Object> arguments = new ArrayList<>(List.of(query.tenantId().value()));
        filter(sql, arguments, " and capability = ?", query.capability());
        filter(sql, arguments, " and status = ?", query.status());
        filter(sql, arguments, " and accepted_at >= ?", query.from() == null ? null : timestamp(query.from()));
        filter(sql, arguments, " and accepted_at < ?", query.to() == null ? null : timestamp(query.to()));
        filter(sql, arguments, " and failed_step = ?", query.failedStep());
        sql.append(" order by accepted_at, execution_id limit ?");
        arguments.add(query.limit());
        return jdbc.query(sql.toString(), (row, n) -> new ExecutionId(row.getObject(1, UUID.class)),
                arguments.toArray());
    }

    private static void filter(StringBuilder sql, List<Object> arguments, String condition, Object value) {
        if (value != null) {
            sql.append(condition);
            arguments.add(value);
        }
    }

    Optional<ExecutionStateView> find(TenantId tenantId, ExecutionId executionId) {
        List<ExecutionStateView> found = jdbc.query(
                "select * from execution_state where execution_id = ? and tenant_id = ?",
                (row, n) -> ExecutionStateRows.execution(row, steps(executionId)),
                executionId.value(), tenantId.value());
        return found.stream().findFirst();
    }

    private List<StepStateView> steps(ExecutionId executionId) {
        return jdbc.query("select * from execution_step_state where execution_id = ? order by step_index",
                (row, n) -> ExecutionStateRows.step(row), executionId.value());
    }
}
