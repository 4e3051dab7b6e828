package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import java.util.Map;

/**
 * The runtime refused a well-formed intent; recorded so that auditors see every attempt.
 *
 * @param policyDecision the policy's DENY when the policy refused it; {@code null} when another rule did
 */
public record IntentRejectedEvent(
        ExecutionId executionId,
        IntentId intentId,
        TenantId tenantId,
        UserId userId,
        SessionId sessionId,
        String intentType,
        String realm,
        Map<String, Object> payload,
        Map<String, String> metadata,
        String idempotencyKey,
        String payloadFingerprint,
        RejectionCode code,
        String detail,
        List<String> violations,
        PolicyDecision policyDecision) implements ExecutionScoped {
}
