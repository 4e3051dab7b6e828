package io.symphainy.runtime.api.session;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /session/create}.
 *
 * @param tenantId accepted for compatibility; must match the credential's tenant when present
 * @param userId   the user the session is for; the credential's user when absent
 * @param context  the session's initial context
 */
public record CreateSessionRequest(
        String tenantId,
        @Size(min = 1, max = 255) String userId,
        Map<String, Object> context) {
}
