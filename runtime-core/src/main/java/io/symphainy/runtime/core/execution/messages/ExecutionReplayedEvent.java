package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;

/**
 * An operator replayed an execution from the event store; the replay changed nothing else.
 *
 * @param mode    the replay mode's wire name
 * @param outcome a one-line summary of what the replay found
 */
public record ExecutionReplayedEvent(
        ExecutionId executionId,
        TenantId tenantId,
        UserId requestedBy,
        String mode,
        String outcome) implements ExecutionScoped {
}
