package io.symphainy.runtime.api.replay;

import io.symphainy.runtime.api.intent.SubmitIntentRequest;
import jakarta.validation.constraints.Pattern;

/**
 * The optional body of {@code POST /execution/{id}/resume}.
 *
 * @param capabilityVersion the capability version the resumption runs; absent, the resumed execution's own
 */
public record ResumeExecutionRequest(
        @Pattern(regexp = SubmitIntentRequest.VERSION,
                message = "must be a version: one to four dot-separated numbers such as 2 or 1.4")
        String capabilityVersion) {
}
