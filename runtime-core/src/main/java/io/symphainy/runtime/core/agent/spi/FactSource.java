package io.symphainy.runtime.core.agent.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a fact came from: a data reference, a search hit or an earlier step's output, with a locator inside it.
 *
 * @param kind       {@link #DATA_REFERENCE}, {@link #SEARCH_HIT} or {@link #STEP_OUTPUT}
 * @param ref        the data reference id (for a search hit: the chunk set it hit), or the step's name
 * @param locator    where inside the source, e.g. a chunk index; may be {@code null}
 * @param attributes small descriptive values (document reference, score)
 */
public record FactSource(String kind, String ref, String locator, Map<String, Object> attributes) {

    /** A data reference's content. */
    public static final String DATA_REFERENCE = "data_reference";
    /** A hit of a search over a data reference, e.g. one chunk of a chunk set. */
    public static final String SEARCH_HIT = "search_hit";
    /** What an earlier step of the execution recorded. */
    public static final String STEP_OUTPUT = "step_output";

    public FactSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Whether the source is a data reference the answer's provenance can point at. */
    public boolean namesDataReference() {
        return DATA_REFERENCE.equals(kind) || SEARCH_HIT.equals(kind);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind);
        map.put("ref", ref);
        if (locator != null) {
            map.put("locator", locator);
        }
        map.put("attributes", new LinkedHashMap<>(attributes));
        return map;
    }

    @SuppressWarnings("unchecked")
    static FactSource fromMap(Map<?, ?> map) {
        Object locator = map.get("locator");
        Object attributes = map.get("attributes");
        return new FactSource(String.valueOf(map.get("kind")), String.valueOf(map.get("ref")),
                locator == null ? null : String.valueOf(locator),
                attributes instanceof Map<?, ?> values ? (Map<String, Object>) values : Map.of());
    }
}
