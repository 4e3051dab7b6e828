package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.time.Instant;

/**
 * One execution as a listing shows it: what was asked, where it stands and when; the steps are left to its status.
 *
 * @param capabilityVersion the version of the capability the execution runs; {@code null} for a rejected intent
 * @param acceptedAt when the intent was accepted or rejected, which orders the listing
 */
public record ExecutionSummaryView(
        ExecutionId executionId,
        SessionId sessionId,
        String userId,
        String intentType,
        String realm,
        String capability,
        String capabilityVersion,
        ExecutionStatus status,
        String errorCode,
        Instant acceptedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt) {
}
