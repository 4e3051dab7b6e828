package io.symphainy.runtime.realm.content.parse;

import java.util.Map;

/**
 * What Tika extracted: the text, the deterministic facts recorded with the step, and every metadata value.
 */
public record ParsedContent(String mediaType, String text, Map<String, Object> facts, Map<String, Object> metadata) {
}
