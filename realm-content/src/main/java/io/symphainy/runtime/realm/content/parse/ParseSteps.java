package io.symphainy.runtime.realm.content.parse;

import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_CORRUPT;
import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_ENCRYPTED;
import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_REF_NOT_FOUND;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.dataref.spi.DataReferenceDescriptor;
import io.symphainy.runtime.core.dataref.spi.DataReferences;
import io.symphainy.runtime.realm.content.store.ContentRefs;
import io.symphainy.runtime.realm.content.store.ContentStore;
import io.symphainy.runtime.realm.content.store.ParsedDocumentRow;
import io.symphainy.runtime.realm.content.store.StoredUpload;
import io.symphainy.runtime.realm.content.upload.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The parse step: the tenant's upload through Tika into a stored document with deterministic facts, and its
 * compensation, which deletes the document.
 */
@Component
public class ParseSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContentStore store;
    private final ContentParser parser;

    ParseSteps(ContentStore store, ContentParser parser) {
        this.store = store;
        this.parser = parser;
    }

    /** Parses the upload produced earlier in this execution, else the one named by {@code upload_ref}. */
    public StepResult parse(StepContext context) throws JsonProcessingException {
        String tenant = context.tenantId().value();
        Optional<String> uploadRef = ContentRefs.input(context, ContentRefs.UPLOAD, "upload_ref");
        Optional<StoredUpload> upload = uploadRef.flatMap(ref -> store.findUpload(tenant, ref));
        Optional<byte[]> bytes = uploadRef.flatMap(ref -> store.uploadBytes(tenant, ref));
        if (upload.isEmpty() || bytes.isEmpty()) {
            return StepResult.permanentFailure(CONTENT_REF_NOT_FOUND, "no upload " + uploadRef.orElse("(none)"));
        }
        ParsedContent parsed;
        try {
            parsed = parser.parse(bytes.get(), upload.get().filename());
        } catch (ContentParseException e) {
            return StepResult.permanentFailure(e.encrypted() ? CONTENT_ENCRYPTED : CONTENT_CORRUPT, e.getMessage());
        }
        String refId = ContentRefs.idFor(context, ContentRefs.DOCUMENT);
        store.saveDocument(tenant, context.sessionId().value(), new ParsedDocumentRow(refId, uploadRef.get(),
                parsed.mediaType(), parsed.text(), JSON.writeValueAsString(parsed.metadata())));
        Map<String, Object> facts = new LinkedHashMap<>(parsed.facts());
        String textHash = Hashes.sha256(
                parsed.text().getBytes(StandardCharsets.UTF_8));
        return DataReferences.success(Map.of(ContentRefs.DOCUMENT, refId), facts,
                List.of(new DataReferenceDescriptor(refId, ContentRefs.DOCUMENT, List.of(uploadRef.get()), textHash,
                        Map.of("parser", ContentParser.VERSION), parsed.facts())));
    }

    /** Deletes the document this step stored. */
    public StepResult compensate(StepContext context) {
        String refId = context.ownOutputs().references().get(ContentRefs.DOCUMENT);
        if (refId != null) {
            store.deleteDocument(context.tenantId().value(), refId);
        }
        return StepResult.success();
    }
}
