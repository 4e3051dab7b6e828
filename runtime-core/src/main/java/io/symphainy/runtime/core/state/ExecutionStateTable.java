package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.common.BatchedStatements;
import static io.symphainy.runtime.core.common.JsonColumns.timestamp;
import static io.symphainy.runtime.core.common.JsonColumns.write;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL that writes the execution State Surface, its executions' and steps' rows ({@link ExecutionStateReads} reads
 * them). Every write is safe to repeat, so a replayed event changes nothing.
 */
@Repository
class ExecutionStateTable {

    private final JdbcTemplate jdbc;

    ExecutionStateTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAccepted(IntentAcceptedEvent e, Instant at) {
        batched(e.executionId(), """
                insert into execution_state (execution_id, tenant_id, session_id, user_id, intent_id, intent_type,
                    realm, capability, status, idempotency_key, accepted_at, updated_at, policy_decision, policy_rule,
                    policy_version, capability_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (execution_id) do nothing""",
                e.executionId().value(), e.tenantId().value(), e.sessionId().value(), e.userId().value(),
                e.intentId().value(), e.intentType(), e.realm(), e.capability(), ExecutionStatus.ACCEPTED.wireName(),
                e.idempotencyKey(), timestamp(at), timestamp(at), decision(e.policyDecision()),
                rule(e.policyDecision()), version(e.policyDecision()), e.runsVersion());
    }

    void insertRejected(IntentRejectedEvent e, Instant at) {
        batched(e.executionId(), """
                insert into execution_state (execution_id, tenant_id, session_id, user_id, intent_id, intent_type,
                    realm, status, rejection_code, error_code, error_message, violations, idempotency_key,
                    accepted_at, finished_at, updated_at, policy_decision, policy_rule, policy_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (execution_id) do nothing""",
                e.executionId().value(), e.tenantId().value(), e.sessionId().value(), e.userId().value(),
                e.intentId().value(), e.intentType(), e.realm(), ExecutionStatus.REJECTED.wireName(),
                e.code().name(), e.code().name(), e.detail(), write(e.violations()), e.idempotencyKey(),
                timestamp(at), timestamp(at), timestamp(at), decision(e.policyDecision()), rule(e.policyDecision()),
                version(e.policyDecision()));
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

    void markStarted(ExecutionId executionId, Instant at) {
        batched(executionId, "update execution_state set status = ?, started_at = ?, updated_at = ? where execution_id = ?"
                        + " and status = ?", ExecutionStatus.RUNNING.wireName(), timestamp(at), timestamp(at),
                executionId.value(), ExecutionStatus.ACCEPTED.wireName());
    }

    /** The plan's steps, pending, with one statement. */
    void insertSteps(ExecutionId executionId, List<PlannedStep> steps) {
        batched(executionId, """
                insert into execution_step_state (execution_id, step_index, name, side_effect, compensable, status)
                select ?, step.step_index, step.name, step.side_effect, step.compensable, 'pending'
                from unnest(?::int[], ?::text[], ?::text[], ?::boolean[])
                    as step(step_index, name, side_effect, compensable)
                on conflict do nothing""",
                executionId.value(), steps.stream().mapToInt(PlannedStep::index).toArray(),
                steps.stream().map(PlannedStep::name).toArray(String[]::new),
                steps.stream().map(step -> step.sideEffect().name()).toArray(String[]::new),
                booleans(steps.stream().map(PlannedStep::compensable).toList()));
    }

    private static boolean[] booleans(List<Boolean> values) {
        boolean[] array = new boolean[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    void stepStarted(ExecutionId executionId, int step, int attempt, Instant at) {
        batched(executionId, """
                update execution_step_state set status = 'running', attempts = ?, next_retry_at = null,
                    started_at = coalesce(started_at, ?), attempt_started_at = ?
                where execution_id = ? and step_index = ?""",
                attempt, timestamp(at), timestamp(at), executionId.value(), step);
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
