package io.symphainy.runtime.core.agent.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One fact the runtime gathered for an agent: a stable id the answer cites, its text and where it came from.
 *
 * @param id     stable id, derived from the source ({@link #idFor}), so gathering the same source again yields it
 * @param text   what the fact says; the only thing the reasoning model reads of it
 * @param source where the fact came from
 */
public record Fact(String id, String text, FactSource source) {

    public Fact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    /** The stable id of the fact drawn from the given source key: {@code F-} and 10 hex digits of its SHA-256. */
    public static String idFor(String sourceKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sourceKey.getBytes(StandardCharsets.UTF_8));
            return "F-" + HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The fact as a plain value that step facts carry and the event store records. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("text", text);
        map.put("source", source.toMap());
        return map;
    }

    /** Reads a fact back from its recorded form. */
    public static Fact fromMap(Map<?, ?> map) {
        Object source = map.get("source");
        return new Fact(String.valueOf(map.get("id")), String.valueOf(map.get("text")),
                FactSource.fromMap(source instanceof Map<?, ?> recorded ? recorded : Map.of()));
    }
}
