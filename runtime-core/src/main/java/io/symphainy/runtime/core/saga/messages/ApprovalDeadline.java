package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * The payload of the persistent deadline that expires an execution nobody approved or rejected in time.
 */
public record ApprovalDeadline(ExecutionId executionId) {
}
