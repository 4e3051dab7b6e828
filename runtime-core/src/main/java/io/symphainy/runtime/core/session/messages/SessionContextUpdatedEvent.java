package io.symphainy.runtime.core.session.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Map;

/**
 * A session's context changed; {@code context} is the whole context after the change.
 */
public record SessionContextUpdatedEvent(
        SessionId sessionId,
        TenantId tenantId,
        Map<String, Object> changes,
        Map<String, Object> context) {
}
