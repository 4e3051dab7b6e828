package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import java.sql.Timestamp;
import java.util.OptionalLong;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;

/**
 * One event as the audit timeline records it, before the intent type and capability of its execution are copied
 * onto it: everything but those two columns, plus the intent the event itself records (an accepted or rejected
 * intent), if any.
 *
 * @param event       the event message, which the audit chain links
 * @param records     the intent type and capability this event records for its execution, or null
 * @param payload     the payload as JSON, as the event serializer stored it
 * @param globalIndex the event's position in the event store, null when it did not come from a stream of it
 */
record TimelineEntry(EventMessage<?> event, String tenantId, UUID sessionId, UUID executionId, String userId,
                     String eventType, TimelineFacts facts, Timestamp occurredAt, String payload,
                     TimelineIntent records, Long globalIndex) {

    /** Reads the entry of an event from its payload and metadata. */
    static TimelineEntry of(Object payload, EventMessage<?> event, Serializer serializer) {
        UUID executionId = uuidOrNull(event.getMetaData().get(MetaDataKeys.EXECUTION_ID));
        TimelineIntent records = null;
        if (payload instanceof IntentAcceptedEvent accepted) {
            records = new TimelineIntent(accepted.intentType(), accepted.capability());
            executionId = accepted.executionId().value();
        } else if (payload instanceof IntentRejectedEvent rejected) {
            records = new TimelineIntent(rejected.intentType(), null);
            executionId = rejected.executionId().value();
        }
        Object user = event.getMetaData().get(MetaDataKeys.USER_ID);
        return new TimelineEntry(event,
                String.valueOf(event.getMetaData().getOrDefault(MetaDataKeys.TENANT_ID, "")),
                uuidOrNull(event.getMetaData().get(MetaDataKeys.SESSION_ID)),
                executionId,
                user == null ? null : user.toString(),
                payload.getClass().getSimpleName(),
                TimelineRules.describe(payload),
                JsonColumns.timestamp(event.getTimestamp()),
                event.serializePayload(serializer, String.class).getData(),
                records,
                positionOf(event));
    }

    private static Long positionOf(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }

    private static UUID uuidOrNull(Object raw) {
        return raw == null ? null : UUID.fromString(raw.toString());
    }
}
