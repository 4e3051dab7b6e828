package io.symphainy.runtime.api.intent;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntentId;

/**
 * The answer to an accepted intent: it is committed to the event store and will run, at once ({@code accepted}) or
 * once an approver approves it ({@code awaiting_approval}).
 *
 * @param repeated whether this answers an earlier submission with the same idempotency key
 */
public record IntentAcceptedResponse(ExecutionId executionId, IntentId intentId, ExecutionStatus status,
                                     boolean repeated) {
}
