package io.symphainy.runtime.realm.content.store;

/**
 * A stored upload.
 *
 * @param createdBlob whether this upload stored the bytes, rather than finding them stored already
 */
public record StoredUpload(String refId, String filename, String sha256, long sizeBytes, boolean createdBlob) {
}
