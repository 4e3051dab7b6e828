package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.instant;
import static io.symphainy.runtime.core.common.JsonColumns.readMap;
import static io.symphainy.runtime.core.common.JsonColumns.readStrings;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.CompensationView;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.state.messages.StepStateView;
import io.symphainy.runtime.core.state.messages.WaitingView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Maps execution State Surface rows to the views the queries answer with.
 */
final class ExecutionStateRows {

    private ExecutionStateRows() {
    }

    static ExecutionStateView execution(ResultSet row, List<StepStateView> steps) throws SQLException {
        UUID session = row.getObject("session_id", UUID.class);
        return new ExecutionStateView(
                new ExecutionId(row.getObject("execution_id", UUID.class)),
                new TenantId(row.getString("tenant_id")),
                session == null ? null : new SessionId(session),
                row.getString("user_id"),
                row.getString("intent_id"),
                row.getString("intent_type"),
                row.getString("realm"),
                row.getString("capability"),
                ExecutionStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getString("rejection_code"),
                row.getString("error_code"),
                row.getString("error_message"),
                row.getString("failed_step"),
                readStrings(row.getString("violations")),
                row.getString("idempotency_key"),
                readMap(row.getString("result_references")),
                instant(row.getTimestamp("accepted_at")),
                instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")),
                instant(row.getTimestamp("updated_at")),
                row.getString("policy_decision"),
                row.getString("policy_rule"),
                row.getObject("policy_version", Integer.class),
                instant(row.getTimestamp("approval_deadline")),
                row.getString("decided_by"),
                row.getString("decision_reason"),
                steps,
                executionId(row.getObject("resumed_from", UUID.class)),
                executionId(row.getObject("resumed_as", UUID.class)),
                row.getString("capability_version"),
                waiting(row));
    }

    private static WaitingView waiting(ResultSet row) throws SQLException {
        String reason = row.getString("waiting_reason");
        boolean finished = ExecutionStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)).isTerminal();
        return reason == null || finished ? null : new WaitingView(WaitingView.WAITING_FOR_VERSION, reason,
                instant(row.getTimestamp("waiting_since")));
    }

    private static ExecutionId executionId(UUID raw) {
        return raw == null ? null : new ExecutionId(raw);
    }

    static StepStateView step(ResultSet row) throws SQLException {
        String compensationStatus = row.getString("compensation_status");
        CompensationView compensation = compensationStatus == null ? null : new CompensationView(
                compensationStatus,
                row.getInt("compensation_attempts"),
                row.getString("compensation_error"),
                instant(row.getTimestamp("compensated_at")));
        return new StepStateView(
                row.getInt("step_index"),
                row.getString("name"),
                row.getString("side_effect"),
                row.getBoolean("compensable"),
                row.getString("status"),
                row.getInt("attempts"),
                row.getString("last_error_code"),
                row.getString("last_error_message"),
                instant(row.getTimestamp("next_retry_at")),
                instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")),
                row.getObject("duration_ms", Long.class),
                readMap(row.getString("references_produced")),
                readMap(row.getString("facts")),
                compensation,
                row.getString("signal"),
                instant(row.getTimestamp("signal_deadline")));
    }
}
