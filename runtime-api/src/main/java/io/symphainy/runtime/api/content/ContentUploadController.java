package io.symphainy.runtime.api.content;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.intent.IntentAcceptedResponse;
import io.symphainy.runtime.api.intent.IntentController;
import io.symphainy.runtime.api.intent.SubmitIntentRequest;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.quota.TenantQuotaGuard;
import io.symphainy.runtime.realm.content.store.StagedBlob;
import io.symphainy.runtime.realm.content.upload.ContentStaging;
import io.symphainy.runtime.realm.content.upload.ContentTooLargeException;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Multipart uploads: the file is staged in the content store first, then a {@code content.upload} (or
 * {@code content.parse_and_embed}) intent of the caller's session naming the staging (never carrying the bytes) is
 * submitted and answered exactly like {@code POST /intent/submit}. A refused intent discards its staging at once.
 * The file's bytes count against the tenant's daily upload quota before anything is staged, and are given back when
 * the upload is refused.
 */
@RestController
public class ContentUploadController {

    private static final Set<String> UPLOAD_INTENTS = Set.of("content.upload", "content.parse_and_embed");

    private final IntentController intents;
    private final ContentStaging staging;
    private final TenantQuotaGuard quotas;

    ContentUploadController(IntentController intents, ContentStaging staging, TenantQuotaGuard quotas) {
        this.intents = intents;
        this.staging = staging;
        this.quotas = quotas;
    }

    @PostMapping(path = "/content/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SUBMITTER')")
    public ResponseEntity<IntentAcceptedResponse> upload(RuntimePrincipal caller,
                                                         @RequestPart(name = "file", required = false) MultipartFile file,
                                                         @RequestParam("session_id") UUID sessionId,
                                                         @RequestParam(name = "intent_type",
                                                                 defaultValue = "content.upload") String intentType)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ProblemException(ProblemCode.UPLOAD_FILE_MISSING, "the multipart part 'file' is missing or empty");
        }
        if (!UPLOAD_INTENTS.contains(intentType)) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST,
                    "intent_type must be one of " + UPLOAD_INTENTS);
        }
        String filename = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        TenantId tenant = RuntimeCommands.tenantOf(caller);
        quotas.chargeUpload(tenant, file.getSize());
        StagedBlob staged;
        try {
            staged = staging.stage(tenant, filename, file.getContentType(), file.getBytes());
        } catch (ContentTooLargeException tooLarge) {
            quotas.refundUpload(tenant, file.getSize());
            throw new ProblemException(ProblemCode.CONTENT_TOO_LARGE, tooLarge.getMessage(),
                    Map.of("size_bytes", tooLarge.sizeBytes(), "max_bytes", tooLarge.maxBytes()));
        }
        try {
            return intents.submit(caller, new SubmitIntentRequest(null, sessionId, intentType, null,
                    ContentStaging.payloadOf(staged), Map.of(), null, null));
        } catch (ProblemException | RuleViolationException refused) {
            // A refusal is certain: no execution will claim the staging. Any other failure leaves the outcome
            // unknown, so the staging is left to the janitor's grace period.
            staging.discard(tenant, staged);
            quotas.refundUpload(tenant, file.getSize());
            throw refused;
        }
    }
}
