package io.symphainy.runtime.core.timeline.messages;

import java.time.Instant;
import java.util.Map;

/**
 * One event as the audit timeline shows it: who did what to which execution, with a one-line summary.
 *
 * @param outcome the final outcome for terminal events (completed, failed, compensated, rejected, cancelled,
 *                expired), otherwise null
 */
public record TimelineEntryView(
        long position,
        String eventId,
        String tenantId,
        String sessionId,
        String executionId,
        String userId,
        String intentType,
        String capability,
        String eventType,
        String outcome,
        String summary,
        String stepName,
        Integer attempt,
        Long durationMillis,
        Instant occurredAt,
        Map<String, Object> payload) {
}
