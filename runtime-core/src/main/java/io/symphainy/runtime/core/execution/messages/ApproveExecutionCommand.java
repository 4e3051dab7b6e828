package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Releases an execution the policy held for approval; the approver must not be the person who submitted it.
 */
public record ApproveExecutionCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        UserId approver,
        String reason) {
}
