package io.symphainy.runtime.api.content;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.intent.IntentAcceptedResponse;
import io.symphainy.runtime.api.intent.IntentController;
import io.symphainy.runtime.api.intent.SubmitIntentRequest;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
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
 * Multipart uploads: the file becomes a {@code content.upload} (or {@code content.parse_and_embed}) intent of the
 * caller's session, submitted and answered exactly like {@code POST /intent/submit}.
 */
@RestController
public class ContentUploadController {

    private static final Set<String> UPLOAD_INTENTS = Set.of("content.upload", "content.parse_and_embed");

    private final IntentController intents;

    ContentUploadController(IntentController intents) {
        this.intents = intents;
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
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("content_base64", Base64.getEncoder().encodeToString(file.getBytes()));
        payload.put("filename", filename);
        return intents.submit(caller, new SubmitIntentRequest(null, sessionId, intentType, null, payload, Map.of(),
                null));
    }
}
