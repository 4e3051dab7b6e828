package io.symphainy.runtime.api.policy;

import java.util.Map;

/**
 * The answer to {@code PUT /policy}: the version now in force for new intents, and the document as it was stored.
 */
public record PolicyPublishedResponse(int version, String publishedBy, Map<String, Object> document) {
}
