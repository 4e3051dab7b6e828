package io.symphainy.runtime.api.intent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/**
 * Body of {@code POST /intent/submit}: what the client asks for, never how.
 *
 * @param tenantId       accepted for compatibility; must match the credential's tenant when present
 * @param sessionId      the open session the intent belongs to
 * @param intentType     {@code realm.action}
 * @param realm          optional; must match the realm of the capability for the intent type
 * @param payload        the input of the capability, checked against its JSON Schema
 * @param metadata       free-form string labels recorded with the intent
 * @param idempotencyKey the same key from the same tenant returns the same execution and starts nothing new
 * @param capabilityVersion optional; the version of the capability to run, else the newest registered one
 */
public record SubmitIntentRequest(
        String tenantId,
        @NotNull UUID sessionId,
        @NotBlank @Size(max = 255) @Pattern(regexp = "[a-z0-9_-]+(\\.[a-z0-9_-]+)+",
                message = "must read realm.action in lowercase letters, digits, '_' or '-'") String intentType,
        @Size(max = 255) String realm,
        Map<String, Object> payload,
        Map<String, String> metadata,
        @Size(min = 1, max = 255) String idempotencyKey,
        @Pattern(regexp = VERSION, message = "must be a version: one to four dot-separated numbers such as 2 or 1.4")
        String capabilityVersion) {

    /** What a capability version looks like; the Curator's rule ({@code CapabilityVersions}). */
    public static final String VERSION = "\\d{1,9}(\\.\\d{1,9}){0,3}";
}
