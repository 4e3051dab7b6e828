package io.symphainy.runtime.realm.content.upload;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.realm.content.config.ContentProperties;
import io.symphainy.runtime.realm.content.store.StagedBlob;
import io.symphainy.runtime.realm.content.store.StagingStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Stages uploaded files before their intent is submitted, so that the intent payload, and with it the event store,
 * carries a reference ({@link #payloadOf}) instead of the bytes. The caller discards the staging when the intent is
 * refused; a staging nobody claimed or discarded is purged by {@link StagingJanitor} after the grace period.
 */
@Component
public class ContentStaging {

    private final StagingStore store;
    private final ContentProperties properties;

    ContentStaging(StagingStore store, ContentProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /**
     * Stores the bytes for the tenant (once per SHA-256) under a new staging.
     *
     * @throws ContentTooLargeException when the bytes exceed {@code runtime.content.max-bytes}; nothing is stored
     */
    public StagedBlob stage(TenantId tenantId, String filename, String mediaType, byte[] bytes) {
        if (bytes.length > properties.maxBytes().toBytes()) {
            throw new ContentTooLargeException(bytes.length, properties.maxBytes().toBytes());
        }
        String name = Path.of(filename).getFileName().toString();
        return store.stage(tenantId.value(), Hashes.sha256(bytes), name,
                mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType, bytes);
    }

    /** Ends a staging whose intent was refused; its bytes go unless something else refers to them. */
    public void discard(TenantId tenantId, StagedBlob staged) {
        store.discard(tenantId.value(), staged.stagingId());
    }

    /** The upload intent payload naming the staged bytes: staging id, hash, filename, size and media type. */
    public static Map<String, Object> payloadOf(StagedBlob staged) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("staging_id", staged.stagingId().toString());
        payload.put("staged_sha256", staged.sha256());
        payload.put("filename", staged.filename());
        payload.put("size_bytes", staged.sizeBytes());
        payload.put("media_type", staged.mediaType());
        return payload;
    }
}
