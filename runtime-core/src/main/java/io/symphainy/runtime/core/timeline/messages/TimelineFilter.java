package io.symphainy.runtime.core.timeline.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Which audit timeline entries of a tenant to read; every null criterion matches everything.
 *
 * @param from inclusive lower bound of {@code occurred_at}
 * @param to   exclusive upper bound of {@code occurred_at}
 */
public record TimelineFilter(
        TenantId tenantId,
        Instant from,
        Instant to,
        UUID executionId,
        UUID sessionId,
        String userId,
        String intentType,
        String capability,
        String eventType,
        String outcome) {

    /** Everything of the tenant's timeline for one execution. */
    public static TimelineFilter ofExecution(TenantId tenantId, UUID executionId) {
        return new TimelineFilter(tenantId, null, null, executionId, null, null, null, null, null, null);
    }

    /** Everything of the tenant's timeline for one session. */
    public static TimelineFilter ofSession(TenantId tenantId, UUID sessionId) {
        return new TimelineFilter(tenantId, null, null, null, sessionId, null, null, null, null, null);
    }
}
