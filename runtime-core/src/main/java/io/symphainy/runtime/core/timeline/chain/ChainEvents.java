package io.symphainy.runtime.core.timeline.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Reads the chained fields of an event message as the event store holds them: the payload and metadata through the
 * event serializer (for a message read from the store, its stored JSON), the payload type as stored, and the
 * timestamp formatted the way Axon writes it.
 */
final class ChainEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainEvents() {
    }

    static ChainedEvent of(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metadata = event.serializeMetaData(serializer, String.class);
        String aggregateType = null;
        String aggregateIdentifier = null;
        Long sequenceNumber = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateIdentifier = domain.getAggregateIdentifier();
            sequenceNumber = domain.getSequenceNumber();
        }
        return new ChainedEvent(event.getIdentifier(), aggregateType, aggregateIdentifier, sequenceNumber,
                payload.getType().getName(), DateTimeUtils.formatInstant(event.getTimestamp()),
                tree(payload.getData()), tree(metadata.getData()));
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return NullNode.instance;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
