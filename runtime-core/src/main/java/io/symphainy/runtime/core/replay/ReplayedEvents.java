package io.symphainy.runtime.core.replay;

import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.replay.messages.ReplayedEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Lists recorded events with their payloads as the event store's JSON, the way the WAL view shows them. Events read
 * from the store give back the JSON they were read from, so nothing is deserialized just to be serialized again.
 */
@Component
class ReplayedEvents {

    private final Serializer serializer;

    ReplayedEvents(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    List<ReplayedEvent> list(List<DomainEventMessage<?>> events) {
        List<ReplayedEvent> listed = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            Long position = event instanceof TrackedEventMessage<?> tracked
                    && tracked.trackingToken() instanceof GlobalSequenceTrackingToken global
                    ? global.getGlobalIndex() : null;
            listed.add(new ReplayedEvent(listed.size(), position, event.getIdentifier(), event.getType(),
                    event.getAggregateIdentifier(), event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                    event.getTimestamp(),
                    JsonColumns.readMap(event.serializeMetaData(serializer, String.class).getData()),
                    JsonColumns.readMap(event.serializePayload(serializer, String.class).getData())));
        }
        return listed;
    }
}
