package io.symphainy.runtime.api.execution;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /execution/{execution_id}/cancel}.
 */
public record CancelExecutionRequest(@Size(max = 1000) String reason) {
}
