package io.symphainy.runtime.core.replay.messages;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded event of an execution or its saga, as read from the event store.
 *
 * @param index          its place in the merged list of both aggregates' events, from 0
 * @param globalPosition the event store's global position, when the store reports it; null otherwise, and the
 *                       aggregate identifier and sequence number identify the event
 */
public record ReplayedEvent(
        int index,
        Long globalPosition,
        String eventId,
        String aggregateType,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventType,
        Instant timestamp,
        Map<String, Object> metadata,
        Map<String, Object> payload) {
}
