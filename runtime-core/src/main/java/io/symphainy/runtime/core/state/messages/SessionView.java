package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A session as the State Surface holds it, with the executions still active in it.
 */
public record SessionView(
        SessionId sessionId,
        TenantId tenantId,
        String userId,
        String status,
        Map<String, Object> context,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        List<ActiveExecutionView> activeExecutions) {
}
