package io.symphainy.runtime.realm.content.store;

import java.util.UUID;

/**
 * Bytes staged for an upload that an intent will name by {@code stagingId}.
 *
 * @param createdBlob whether staging stored the bytes, rather than finding the tenant had them already
 */
public record StagedBlob(UUID stagingId, String sha256, long sizeBytes, String filename, String mediaType,
                         boolean createdBlob) {
}
