package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live state of one execution as the State Surface holds it.
 *
 * @param policyDecision   what the tenant's policy decided at acceptance (ALLOW, DENY, REQUIRE_APPROVAL); {@code null}
 *                         for executions refused before the policy was asked
 * @param policyRule       the rule that decided
 * @param policyVersion    the policy version that decided; 0 when the tenant had none
 * @param approvalDeadline when a held execution expires unless approved or rejected
 * @param decidedBy        the approver who approved or rejected it
 * @param decisionReason   the approver's reason
 * @param resumedFrom      the failed or compensated execution this one resumes, if it resumes one
 * @param resumedAs        the execution that resumed this one, once one did
 * @param capabilityVersion the version of the capability the execution runs; {@code null} for a refused intent
 * @param waiting          why the execution waits instead of running, while it does; {@code null} otherwise
 */
public record ExecutionStateView(
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        String userId,
        String intentId,
        String intentType,
        String realm,
        String capability,
        ExecutionStatus status,
        String rejectionCode,
        String errorCode,
        String errorMessage,
        String failedStep,
        List<String> violations,
        String idempotencyKey,
        Map<String, String> resultReferences,
        Instant acceptedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt,
        String policyDecision,
        String policyRule,
        Integer policyVersion,
        Instant approvalDeadline,
        String decidedBy,
        String decisionReason,
        List<StepStateView> steps,
        ExecutionId resumedFrom,
        ExecutionId resumedAs,
        String capabilityVersion,
        WaitingView waiting) {
}
