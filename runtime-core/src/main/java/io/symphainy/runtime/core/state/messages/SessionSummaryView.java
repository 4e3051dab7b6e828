package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.session.messages.SessionId;
import java.time.Instant;
import java.util.Map;

/**
 * One session as a listing shows it.
 *
 * @param activeExecutions how many of its executions are still active
 */
public record SessionSummaryView(
        SessionId sessionId,
        String userId,
        String status,
        Map<String, Object> context,
        int activeExecutions,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt) {
}
