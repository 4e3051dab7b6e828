package io.symphainy.runtime.api.session;

import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * Body of {@code PATCH /session/{session_id}}: keys to set, or to remove when their value is null.
 */
public record UpdateSessionContextRequest(String tenantId, @NotNull Map<String, Object> context) {
}
