package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.time.Instant;

/**
 * An execution the policy holds until an approver decides on it.
 *
 * @param requestedAt when the intent was accepted and the approval requested
 * @param deadline    when it expires without a decision
 */
public record PendingApprovalView(
        ExecutionId executionId,
        String intentType,
        String capability,
        String submittedBy,
        String rule,
        Integer policyVersion,
        Instant requestedAt,
        Instant deadline) {
}
