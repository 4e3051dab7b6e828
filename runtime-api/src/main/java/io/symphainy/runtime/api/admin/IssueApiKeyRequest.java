package io.symphainy.runtime.api.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /admin/api-keys}.
 *
 * @param userId      the person or system the key speaks for
 * @param roles       lower-case role names, at least one
 * @param description free text for the tenant's administrators
 * @param tenantId    accepted for compatibility; must match the administrator's tenant when present
 */
public record IssueApiKeyRequest(
        @NotBlank @Size(max = 255) String userId,
        @NotEmpty List<@NotBlank String> roles,
        @Size(max = 1024) String description,
        String tenantId) {
}
