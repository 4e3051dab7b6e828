package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.time.Instant;

/**
 * Which executions of a tenant a listing shows; every {@code null} condition matches every execution.
 *
 * @param createdFrom inclusive lower bound of the time the intent was accepted (or rejected)
 * @param createdTo   exclusive upper bound of that time
 */
public record ExecutionListFilter(
        ExecutionStatus status,
        String intentType,
        String capability,
        SessionId sessionId,
        Instant createdFrom,
        Instant createdTo) {
}
