package io.symphainy.runtime.realm.content.store;

import java.util.UUID;

/**
 * Content to store as an upload of a tenant's session, by the execution that received it.
 */
public record UploadRequest(String refId, String tenantId, UUID sessionId, UUID executionId, String filename,
                            String sha256, byte[] bytes) {
}
