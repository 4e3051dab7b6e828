package io.symphainy.runtime.core.timeline.chain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a stored event that the audit chain covers, as the event store holds them: the timestamp as Axon
 * writes it (ISO-8601 UTC) and the payload and metadata as stored JSON trees.
 */
public record ChainedEvent(String eventIdentifier, String aggregateType, String aggregateIdentifier,
                           Long sequenceNumber, String payloadType, String timestamp, JsonNode payload,
                           JsonNode metadata) {
}
