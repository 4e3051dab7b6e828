package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.timestamp;
import static io.symphainy.runtime.core.common.JsonColumns.write;

import io.symphainy.runtime.core.common.BatchedStatements;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The first rows of an execution in the State Surface: its own row when its intent is accepted or rejected, its steps'
 * rows when its saga starts, and their first changes, the execution's start and a step's first attempt.
 *
 * <p>An intent allowed at once is accepted, started, planned and its first attempt started in one transaction, so
 * the start is folded into the execution's insert and the attempt into the steps' insert when that insert is still the
 * last statement of the execution's batch ({@link BatchedStatements#lastOf}): the rows are inserted already running
 * instead of inserted and updated. Each insert's conflict clause makes the change the folded update would have made
 * to a row that exists already (a replayed event), so the rows end as the unfolded statements leave them.
 */
@Repository
class ExecutionStartRows {

    private static final String INSERT_ACCEPTED = """
            insert into execution_state (execution_id, tenant_id, session_id, user_id, intent_id, intent_type, realm,
                capability, status, idempotency_key, accepted_at, updated_at, policy_decision, policy_rule,
                policy_version, capability_version, started_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (execution_id) do update
                set status = excluded.status, started_at = excluded.started_at, updated_at = excluded.updated_at
                where excluded.status = 'running' and execution_state.status = 'accepted'""";
    private static final int STATUS = 8;
    private static final int UPDATED_AT = 11;
    private static final int STARTED_AT = 16;

    private static final String INSERT_STEPS = """
            insert into execution_step_state (execution_id, step_index, name, side_effect, compensable, status,
                attempts, started_at, attempt_started_at)
            select ?, step.step_index, step.name, step.side_effect, step.compensable, step.status, step.attempts,
                step.started_at::timestamptz, step.started_at::timestamptz
            from unnest(?::int[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::int[], ?::text[])
                as step(step_index, name, side_effect, compensable, status, attempts, started_at)
            on conflict (execution_id, step_index) do update set status = excluded.status,
                attempts = excluded.attempts, next_retry_at = null,
                started_at = coalesce(execution_step_state.started_at, excluded.started_at),
                attempt_started_at = excluded.attempt_started_at
                where excluded.status = 'running'""";
    private static final int STEP_INDEXES = 1;
    private static final int STEP_STATUSES = 5;
    private static final int STEP_ATTEMPTS = 6;
    private static final int STEP_STARTS = 7;

    private final JdbcTemplate jdbc;

    ExecutionStartRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAccepted(IntentAcceptedEvent e, Instant at) {
        batched(e.executionId(), INSERT_ACCEPTED, e.executionId().value(), e.tenantId().value(), e.sessionId().value(),
                e.userId().value(), e.intentId().value(), e.intentType(), e.realm(), e.capability(),
                ExecutionStatus.ACCEPTED.wireName(), e.idempotencyKey(), timestamp(at), timestamp(at),
                decision(e.policyDecision()), rule(e.policyDecision()), version(e.policyDecision()), e.runsVersion(),
                null);
    }

    void insertRejected(IntentRejectedEvent e, Instant at) {
        batched(e.executionId(), """
                insert into execution_state (execution_id, tenant_id, session_id, user_id, intent_id, intent_type,
                    realm, status, rejection_code, error_code, error_message, violations, idempotency_key,
                    accepted_at, finished_at, updated_at, policy_decision, policy_rule, policy_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (execution_id) do nothing""",
                e.executionId().value(), e.tenantId().value(), e.sessionId().value(), e.userId().value(),
                e.intentId().value(), e.intentType(), e.realm(), ExecutionStatus.REJECTED.wireName(),
                e.code().name(), e.code().name(), e.detail(), write(e.violations()), e.idempotencyKey(),
                timestamp(at), timestamp(at), timestamp(at), decision(e.policyDecision()), rule(e.policyDecision()),
                version(e.policyDecision()));
    }

    /** The execution runs from now on, if it was accepted (not awaiting approval, not finished). */
    void markStarted(ExecutionId executionId, Instant at) {
        Object[] insert = BatchedStatements.lastOf(jdbc, executionId, INSERT_ACCEPTED);
        if (insert != null && ExecutionStatus.ACCEPTED.wireName().equals(insert[STATUS])) {
            insert[STATUS] = ExecutionStatus.RUNNING.wireName();
            insert[STARTED_AT] = timestamp(at);
            insert[UPDATED_AT] = timestamp(at);
            return;
        }
        batched(executionId, """
                update execution_state set status = ?, started_at = ?, updated_at = ?
                where execution_id = ? and status = ?""", ExecutionStatus.RUNNING.wireName(), timestamp(at),
                timestamp(at), executionId.value(), ExecutionStatus.ACCEPTED.wireName());
    }

    /** The plan's steps, pending, with one statement. */
    void insertSteps(ExecutionId executionId, List<PlannedStep> steps) {
        String[] pending = new String[steps.size()];
        Arrays.fill(pending, "pending");
        boolean[] compensable = new boolean[steps.size()];
        for (int i = 0; i < compensable.length; i++) {
            compensable[i] = steps.get(i).compensable();
        }
        batched(executionId, INSERT_STEPS, executionId.value(), steps.stream().mapToInt(PlannedStep::index).toArray(),
                steps.stream().map(PlannedStep::name).toArray(String[]::new),
                steps.stream().map(step -> step.sideEffect().name()).toArray(String[]::new), compensable, pending,
                new int[steps.size()], new String[steps.size()]);
    }

    void stepStarted(ExecutionId executionId, int step, int attempt, Instant at) {
        Object[] insert = BatchedStatements.lastOf(jdbc, executionId, INSERT_STEPS);
        int row = insert == null ? -1 : rowOf((int[]) insert[STEP_INDEXES], step);
        if (row >= 0) {
            ((String[]) insert[STEP_STATUSES])[row] = "running";
            ((int[]) insert[STEP_ATTEMPTS])[row] = attempt;
            ((String[]) insert[STEP_STARTS])[row] = at.toString();
            return;
        }
        batched(executionId, """
                update execution_step_state set status = 'running', attempts = ?, next_retry_at = null,
                    started_at = coalesce(started_at, ?), attempt_started_at = ?
                where execution_id = ? and step_index = ?""",
                attempt, timestamp(at), timestamp(at), executionId.value(), step);
    }

    private static int rowOf(int[] stepIndexes, int step) {
        for (int row = 0; row < stepIndexes.length; row++) {
            if (stepIndexes[row] == step) {
                return row;
            }
        }
        return -1;
    }

    private static String decision(PolicyDecision decision) {
        return decision == null ? null : decision.decision().name();
    }

    private static String rule(PolicyDecision decision) {
        return decision == null ? null : decision.rule();
    }

    private static Integer version(PolicyDecision decision) {
        return decision == null ? null : decision.policyVersion();
    }

    private void batched(ExecutionId executionId, String sql, Object... arguments) {
        BatchedStatements.add(jdbc, executionId, sql, arguments);
    }
}
