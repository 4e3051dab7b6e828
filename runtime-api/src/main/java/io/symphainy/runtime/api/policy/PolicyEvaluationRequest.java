package io.symphainy.runtime.api.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;

/**
 * Body of {@code POST /policy/evaluate}: an intent as a submitter would send it, and optionally whom to evaluate it as.
 *
 * @param userId the user to evaluate as; the caller when absent
 * @param roles  the roles to evaluate with; the caller's when absent
 */
public record PolicyEvaluationRequest(
        @NotBlank @Size(max = 255) String intentType,
        @Size(max = 255) String realm,
        Map<String, Object> payload,
        @Size(min = 1, max = 255) String userId,
        Set<String> roles) {
}
