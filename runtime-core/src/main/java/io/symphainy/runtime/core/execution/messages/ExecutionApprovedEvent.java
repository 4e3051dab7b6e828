package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;

/**
 * An approver released an execution the policy held; its capability starts now.
 */
public record ExecutionApprovedEvent(
        ExecutionId executionId,
        TenantId tenantId,
        UserId approvedBy,
        String reason) implements ExecutionScoped {
}
