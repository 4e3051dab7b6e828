package io.symphainy.runtime.core.timeline.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The pure rules of the tamper-evident audit chain: the canonical encoding of an event and the link that chains it
 * to the tenant's previous event.
 *
 * <p>The canonical encoding is compact UTF-8 JSON (no whitespace) whose object keys are sorted at every depth, of
 * {@code aggregate_identifier, aggregate_type, event_identifier, metadata, payload, payload_type, sequence_number,
 * timestamp}. A link is {@code lowercase-hex(SHA-256(UTF-8(previous + "\n") + canonical))}, where {@code previous}
 * is the lowercase hex of the tenant's previous link, or {@link #GENESIS} (64 zeros) for the tenant's first event.
 */
public final class AuditChainRules {

    /** The previous link of a tenant's first event: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AuditChainRules() {
    }

    /** The canonical encoding of an event as a string; its UTF-8 bytes are what the link hashes. */
    public static String canonical(ChainedEvent event) {
        ObjectNode node = NODES.objectNode();
        node.put("event_identifier", event.eventIdentifier());
        node.put("aggregate_type", event.aggregateType());
        node.put("aggregate_identifier", event.aggregateIdentifier());
        if (event.sequenceNumber() == null) {
            node.putNull("sequence_number");
        } else {
            node.put("sequence_number", event.sequenceNumber());
        }
        node.put("payload_type", event.payloadType());
        node.put("timestamp", event.timestamp());
        node.set("payload", event.payload() == null ? NullNode.instance : event.payload());
        node.set("metadata", event.metadata() == null ? NullNode.instance : event.metadata());
        try {
            return JSON.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + event.eventIdentifier(), e);
        }
    }

    /** {@code hex(SHA-256(UTF-8(previous + "\n") + UTF-8(canonical)))}. */
    public static String link(String previous, String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((previous + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A copy of the tree with the keys of every object in ascending order. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode copy = NODES.objectNode();
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
