package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;

/**
 * An approver refused an execution the policy held; it ends rejected and nothing of its capability ran.
 */
public record ExecutionRejectedByApproverEvent(
        ExecutionId executionId,
        TenantId tenantId,
        UserId rejectedBy,
        String reason) implements ExecutionScoped {
}
