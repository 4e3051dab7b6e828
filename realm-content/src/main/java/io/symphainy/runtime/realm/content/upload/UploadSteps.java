package io.symphainy.runtime.realm.content.upload;

import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_INPUT_INVALID;
import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_TOO_LARGE;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.dataref.spi.DataReferenceDescriptor;
import io.symphainy.runtime.core.dataref.spi.DataReferences;
import io.symphainy.runtime.realm.content.ContentProperties;
import io.symphainy.runtime.realm.content.ContentRefs;
import io.symphainy.runtime.realm.content.store.ContentStore;
import io.symphainy.runtime.realm.content.store.StoredUpload;
import io.symphainy.runtime.realm.content.store.UploadRequest;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The upload step: content from {@code content_base64} or an import-directory {@code file_path} stored once per
 * tenant by SHA-256, and its compensation, which deletes the upload (and its bytes if this upload stored them).
 */
@Component
public class UploadSteps {

    private final ContentStore store;
    private final ContentProperties properties;
    private final ImportDirectory importDirectory;

    UploadSteps(ContentStore store, ContentProperties properties) {
        this.store = store;
        this.properties = properties;
        this.importDirectory = new ImportDirectory(properties.importDir());
    }

    /** Stores the content named by the payload. */
    public StepResult upload(StepContext context) throws Exception {
        Map<String, Object> payload = context.payload();
        Object base64 = payload.get("content_base64");
        Object filePath = payload.get("file_path");
        if ((base64 == null) == (filePath == null)) {
            return StepResult.permanentFailure(CONTENT_INPUT_INVALID,
                    "give exactly one of content_base64 (with filename) or file_path");
        }
        byte[] bytes;
        String filename;
        if (base64 != null) {
            if (!(payload.get("filename") instanceof String name) || name.isBlank()) {
                return StepResult.permanentFailure(CONTENT_INPUT_INVALID, "content_base64 needs a filename");
            }
            try {
                bytes = Base64.getDecoder().decode(String.valueOf(base64));
            } catch (IllegalArgumentException e) {
                return StepResult.permanentFailure(CONTENT_INPUT_INVALID, "content_base64 is not valid base64");
            }
            filename = Path.of(name).getFileName().toString();
        } else {
            ImportDirectory.Resolved resolved = importDirectory.resolve(String.valueOf(filePath));
            if (resolved.failure() != null) {
                return resolved.failure();
            }
            if (resolved.size() > properties.maxBytes().toBytes()) {
                return tooLarge(resolved.size());
            }
            bytes = java.nio.file.Files.readAllBytes(resolved.path());
            filename = resolved.path().getFileName().toString();
        }
        if (bytes.length > properties.maxBytes().toBytes()) {
            return tooLarge(bytes.length);
        }
        String sha256 = Hashes.sha256(bytes);
        String refId = ContentRefs.idFor(context, ContentRefs.UPLOAD);
        StoredUpload stored = store.storeUpload(new UploadRequest(refId, context.tenantId().value(),
                context.sessionId().value(), context.executionId().value(), filename, sha256, bytes));
        return DataReferences.success(Map.of(ContentRefs.UPLOAD, refId),
                Map.of("filename", filename, "size_bytes", stored.sizeBytes(), "sha256", sha256,
                        "deduplicated", !stored.createdBlob()),
                List.of(new DataReferenceDescriptor(refId, ContentRefs.UPLOAD, List.of(), sha256, Map.of(),
                        Map.of("filename", filename, "size_bytes", stored.sizeBytes()))));
    }

    /** Deletes the upload this step stored; its bytes go too when this upload stored them. */
    public StepResult compensate(StepContext context) {
        String refId = context.ownOutputs().references().get(ContentRefs.UPLOAD);
        if (refId != null) {
            store.deleteUpload(context.tenantId().value(), refId);
        }
        return StepResult.success();
    }

    private StepResult tooLarge(long size) {
        return StepResult.permanentFailure(CONTENT_TOO_LARGE, "the content has " + size
                + " bytes; the limit is " + properties.maxBytes().toBytes());
    }
}
