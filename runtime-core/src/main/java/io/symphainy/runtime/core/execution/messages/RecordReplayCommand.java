package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records on an execution, in any status, that an operator replayed it and what the replay found.
 *
 * @param mode    the replay mode's wire name ({@code events_only}, {@code state_only}, {@code full})
 * @param outcome a one-line summary of what the replay found
 */
public record RecordReplayCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        UserId requestedBy,
        String mode,
        String outcome) {
}
