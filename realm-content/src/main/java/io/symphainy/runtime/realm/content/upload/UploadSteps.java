package io.symphainy.runtime.realm.content.upload;

import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_INPUT_INVALID;
import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_REF_NOT_FOUND;
import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_TOO_LARGE;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.dataref.spi.DataReferenceDescriptor;
import io.symphainy.runtime.core.dataref.spi.DataReferences;
import io.symphainy.runtime.realm.content.config.ContentProperties;
import io.symphainy.runtime.realm.content.store.ContentRefs;
import io.symphainy.runtime.realm.content.store.ContentStore;
import io.symphainy.runtime.realm.content.store.StagingStore;
import io.symphainy.runtime.realm.content.store.StoredUpload;
import io.symphainy.runtime.realm.content.store.UploadRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The upload step: content staged by {@code POST /content/upload} ({@code staging_id}), sent inline
 * ({@code content_base64}, small files only) or read from the import directory ({@code file_path}), stored once per
 * tenant by SHA-256; and its compensation, which deletes the upload and its bytes when nothing else refers to them.
 */
@Component
public class UploadSteps {

    private final ContentStore store;
    private final ContentProperties properties;
    private final StagingStore staging;
    private final ImportDirectory importDirectory;

    UploadSteps(ContentStore store, StagingStore staging, ContentProperties properties) {
        this.store = store;
        this.staging = staging;
        this.properties = properties;
        this.importDirectory = new ImportDirectory(properties.importDir());
    }

    /** Stores the content named by the payload. */
    public StepResult upload(StepContext context) throws Exception {
        Map<String, Object> payload = context.payload();
        long sources = Stream.of("content_base64", "file_path", "staging_id").filter(payload::containsKey).count();
        if (sources != 1) {
            return StepResult.permanentFailure(CONTENT_INPUT_INVALID,
                    "give exactly one of content_base64 (with filename), file_path or staging_id");
        }
        if (payload.containsKey("staging_id")) {
            return claimStaged(context);
        }
        byte[] bytes;
        String filename;
        if (payload.get("content_base64") instanceof String base64) {
            if (!(payload.get("filename") instanceof String name) || name.isBlank()) {
                return StepResult.permanentFailure(CONTENT_INPUT_INVALID, "content_base64 needs a filename");
            }
            try {
                bytes = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                return StepResult.permanentFailure(CONTENT_INPUT_INVALID, "content_base64 is not valid base64");
            }
            filename = Path.of(name).getFileName().toString();
        } else {
            ImportDirectory.Resolved resolved = importDirectory.resolve(String.valueOf(payload.get("file_path")));
            if (resolved.failure() != null) {
                return resolved.failure();
            }
            if (resolved.size() > properties.maxBytes().toBytes()) {
                return tooLarge(resolved.size());
            }
            bytes = Files.readAllBytes(resolved.path());
            filename = resolved.path().getFileName().toString();
        }
        if (bytes.length > properties.maxBytes().toBytes()) {
            return tooLarge(bytes.length);
        }
        String refId = ContentRefs.idFor(context, ContentRefs.UPLOAD);
        return stored(store.storeUpload(new UploadRequest(refId, context.tenantId().value(),
                context.sessionId().value(), context.executionId().value(), filename, Hashes.sha256(bytes), bytes)));
    }

    /** Deletes the upload this step stored; its bytes go too when this upload stored them. */
    public StepResult compensate(StepContext context) {
        String refId = context.ownOutputs().references().get(ContentRefs.UPLOAD);
        if (refId != null) {
            store.deleteUpload(context.tenantId().value(), refId);
        }
        return StepResult.success();
    }

    /** The bytes {@code POST /content/upload} staged for this intent, claimed as this step's upload. */
    private StepResult claimStaged(StepContext context) {
        Map<String, Object> payload = context.payload();
        UUID stagingId;
        try {
            stagingId = UUID.fromString(String.valueOf(payload.get("staging_id")));
        } catch (IllegalArgumentException e) {
            return StepResult.permanentFailure(CONTENT_INPUT_INVALID, "staging_id is not a UUID");
        }
        String sha256 = String.valueOf(payload.get("staged_sha256"));
        String refId = ContentRefs.idFor(context, ContentRefs.UPLOAD);
        return staging.claim(context.tenantId().value(), stagingId, sha256, refId, context.sessionId().value(),
                        context.executionId().value())
                .map(UploadSteps::stored)
                .orElseGet(() -> StepResult.permanentFailure(CONTENT_REF_NOT_FOUND, "no staged content "
                        + stagingId + " with SHA-256 " + sha256 + " (never staged for this tenant, or purged after "
                        + "runtime.content.staging-grace)"));
    }

    private static StepResult stored(StoredUpload stored) {
        return DataReferences.success(Map.of(ContentRefs.UPLOAD, stored.refId()),
                Map.of("filename", stored.filename(), "size_bytes", stored.sizeBytes(), "sha256", stored.sha256(),
                        "deduplicated", !stored.createdBlob()),
                List.of(new DataReferenceDescriptor(stored.refId(), ContentRefs.UPLOAD, List.of(), stored.sha256(),
                        Map.of(), Map.of("filename", stored.filename(), "size_bytes", stored.sizeBytes()))));
    }

    private StepResult tooLarge(long size) {
        return StepResult.permanentFailure(CONTENT_TOO_LARGE, "the content has " + size
                + " bytes; the limit is " + properties.maxBytes().toBytes());
    }
}
