package io.symphainy.runtime.realm.content.store;

/**
 * A parsed document as stored: its text and Tika metadata (a JSON object).
 */
public record ParsedDocumentRow(String refId, String uploadRef, String mediaType, String text, String metadataJson) {
}
