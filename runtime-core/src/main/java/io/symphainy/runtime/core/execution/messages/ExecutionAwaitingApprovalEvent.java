package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import java.time.Instant;

/**
 * The policy held an accepted execution for a person's approval; nothing of its capability runs until it is
 * approved, and it expires at {@code approvalDeadline}.
 */
public record ExecutionAwaitingApprovalEvent(
        ExecutionId executionId,
        TenantId tenantId,
        String rule,
        int policyVersion,
        Instant approvalDeadline) implements ExecutionScoped {
}
