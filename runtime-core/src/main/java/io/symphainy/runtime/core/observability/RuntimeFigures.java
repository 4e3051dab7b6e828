package io.symphainy.runtime.core.observability;

import java.time.Instant;
import java.util.Map;

/**
 * The figures the runtime reads rather than counts, as of {@code readAt}.
 *
 * @param walSize          the event store's head position (global index of its newest event), 0 while empty
 * @param walSizeBytes     disk space of the event store's table with its indexes; {@code null} when unknown
 * @param projectionLag    events each streaming processor is behind the head, by processor
 * @param pendingApprovals executions held for approval, by tenant
 */
public record RuntimeFigures(Instant readAt, long walSize, Long walSizeBytes, Map<String, Long> projectionLag,
                            Map<String, Long> pendingApprovals) {
}
