package io.symphainy.runtime.api.session;

import io.symphainy.runtime.core.state.messages.ActiveExecutionView;
import io.symphainy.runtime.core.state.messages.SessionView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A session as the HTTP contract shows it.
 */
public record SessionResponse(
        String sessionId,
        String tenantId,
        String userId,
        String status,
        Instant createdAt,
        Instant closedAt,
        Map<String, Object> context,
        List<ActiveExecutionView> activeSagas) {

    static SessionResponse of(SessionView view) {
        return new SessionResponse(view.sessionId().toString(), view.tenantId().value(), view.userId(),
                view.status(), view.createdAt(), view.closedAt(), view.context(), view.activeExecutions());
    }
}
