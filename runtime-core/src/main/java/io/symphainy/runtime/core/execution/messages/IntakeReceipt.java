package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import java.util.List;

/**
 * What the runtime recorded for a submitted intent: the execution, its status and, when refused, why.
 */
public record IntakeReceipt(
        ExecutionId executionId,
        IntentId intentId,
        ExecutionStatus status,
        RejectionCode rejectionCode,
        String rejectionDetail,
        List<String> violations,
        boolean repeated,
        PolicyDecision policyDecision) {
    /** Whether the intent was refused. */
    public boolean rejected() {
        return rejectionCode != null;
    }
}
