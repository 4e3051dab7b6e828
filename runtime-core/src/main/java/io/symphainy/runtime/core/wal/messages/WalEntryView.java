package io.symphainy.runtime.core.wal.messages;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded event as the WAL view shows it.
 */
public record WalEntryView(
        long position,
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateIdentifier,
        Long sequenceNumber,
        Instant occurredAt,
        String executionId,
        Map<String, Object> payload,
        Map<String, Object> metadata) {
}
