package io.symphainy.runtime.core.dataref.messages;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered data reference with its provenance: who produced it, from what, with which versions.
 *
 * @param status {@code active}, or {@code deleted} once the step that produced it was compensated
 */
public record DataReferenceView(
        String refId,
        String tenantId,
        String kind,
        String sessionId,
        String executionId,
        String stepName,
        List<String> sourceRefs,
        String contentHash,
        Map<String, String> versions,
        Map<String, Object> attributes,
        String status,
        Instant createdAt) {
}
