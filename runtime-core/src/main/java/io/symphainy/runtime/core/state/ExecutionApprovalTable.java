package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.common.BatchedStatements;
import static io.symphainy.runtime.core.common.JsonColumns.instant;
import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import io.symphainy.runtime.core.state.messages.PendingApprovalView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the approval part of the execution State Surface and the pending-approvals read model. Every
 * write is safe to repeat.
 */
@Repository
class ExecutionApprovalTable {

    private final JdbcTemplate jdbc;

    ExecutionApprovalTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void awaiting(ExecutionId executionId, Instant deadline, Instant at) {
        batched(executionId, "update execution_state set status = ?, approval_deadline = ?, updated_at = ?"
                        + " where execution_id = ? and status = ?", ExecutionStatus.AWAITING_APPROVAL.wireName(),
                timestamp(deadline), timestamp(at), executionId.value(), ExecutionStatus.ACCEPTED.wireName());
    }

    void approved(ExecutionId executionId, String approver, String reason, Instant at) {
        batched(executionId, "update execution_state set status = ?, decided_by = ?, decision_reason = ?, updated_at = ?"
                        + " where execution_id = ? and status = ?", ExecutionStatus.ACCEPTED.wireName(), approver,
                reason, timestamp(at), executionId.value(), ExecutionStatus.AWAITING_APPROVAL.wireName());
    }

    void rejected(ExecutionId executionId, String approver, String reason, Instant at) {
        ended(executionId, ExecutionStatus.REJECTED, RejectionCode.APPROVAL_REJECTED, approver, reason, at);
    }

    void expired(ExecutionId executionId, Instant at) {
        ended(executionId, ExecutionStatus.EXPIRED, RejectionCode.APPROVAL_EXPIRED, null,
                "no approval decision before the deadline", at);
    }

    List<PendingApprovalView> pending(TenantId tenantId) {
        return jdbc.query("""
                select execution_id, intent_type, capability, user_id, policy_rule, policy_version, accepted_at,
                    approval_deadline from execution_state where tenant_id = ? and status = ?
                order by approval_deadline, execution_id""",
                (row, n) -> new PendingApprovalView(new ExecutionId(row.getObject("execution_id", UUID.class)),
                        row.getString("intent_type"), row.getString("capability"), row.getString("user_id"),
                        row.getString("policy_rule"), row.getObject("policy_version", Integer.class),
                        instant(row.getTimestamp("accepted_at")), instant(row.getTimestamp("approval_deadline"))),
                tenantId.value(), ExecutionStatus.AWAITING_APPROVAL.wireName());
    }

    private void ended(ExecutionId executionId, ExecutionStatus status, RejectionCode code, String approver,
                       String reason, Instant at) {
        batched(executionId, """
                update execution_state set status = ?, rejection_code = ?, error_code = ?, error_message = ?,
                    decided_by = ?, decision_reason = ?, finished_at = ?, updated_at = ? where execution_id = ?""",
                status.wireName(), code.name(), code.name(), reason, approver, reason, timestamp(at), timestamp(at),
                executionId.value());
    }

    /** A write of the execution's rows, run with the others of the processor's batch ({@link BatchedStatements}). */
    private void batched(ExecutionId executionId, String sql, Object... arguments) {
        BatchedStatements.add(jdbc, executionId, sql, arguments);
    }
}
