package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.time.Instant;

/**
 * An execution still running in a session, with the saga that drives it.
 */
public record ActiveExecutionView(ExecutionId executionId, String sagaId, Instant attachedAt) {
}
