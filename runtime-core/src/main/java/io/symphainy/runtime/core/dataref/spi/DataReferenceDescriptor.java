package io.symphainy.runtime.core.dataref.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An artifact a step produced, described with its provenance so that the runtime can register it as a data
 * reference when it records the step's success.
 *
 * @param refId       the artifact's id; steps derive it from their execution and step so a retry yields the same id
 * @param kind        what the artifact is, e.g. {@code content.upload} or {@code content.chunks}
 * @param sourceRefs  the data references it was produced from, empty for an original upload
 * @param contentHash SHA-256 of the artifact's content, hex, or {@code null} when it has no single content
 * @param versions    the versions of the parsers and models that produced it, by component name
 * @param attributes  small descriptive values (file name, media type, counts)
 */
public record DataReferenceDescriptor(
        String refId,
        String kind,
        List<String> sourceRefs,
        String contentHash,
        Map<String, String> versions,
        Map<String, Object> attributes) {

    public DataReferenceDescriptor {
        Objects.requireNonNull(refId, "refId");
        Objects.requireNonNull(kind, "kind");
        sourceRefs = sourceRefs == null ? List.of() : List.copyOf(sourceRefs);
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The descriptor as a plain value that step facts carry and the event store records. */
    public Map<String, Object> toFact() {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("ref_id", refId);
        fact.put("kind", kind);
        fact.put("source_refs", sourceRefs);
        if (contentHash != null) {
            fact.put("content_hash", contentHash);
        }
        fact.put("versions", versions);
        fact.put("attributes", attributes);
        return fact;
    }

    /** Reads a descriptor back from its fact form; unknown or missing members become empty. */
    @SuppressWarnings("unchecked")
    public static DataReferenceDescriptor fromFact(Map<String, Object> fact) {
        Object sources = fact.get("source_refs");
        Object versions = fact.get("versions");
        Object attributes = fact.get("attributes");
        return new DataReferenceDescriptor(String.valueOf(fact.get("ref_id")), String.valueOf(fact.get("kind")),
                sources instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(),
                fact.get("content_hash") == null ? null : String.valueOf(fact.get("content_hash")),
                versions instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of(),
                attributes instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }
}
