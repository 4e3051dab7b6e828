package io.symphainy.runtime.api.execution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /execution/{execution_id}/signal}: an event from outside that a step of the execution waits for.
 *
 * @param name           the signal's name, as the waiting step names it
 * @param payload        what the signal carries; recorded, and the waiting step's output; checked against the step's
 *                       schema if it declares one. Absent means an empty object
 * @param idempotencyKey a repeat with the same key answers the first outcome and records nothing
 */
public record SendSignalRequest(
        @NotBlank @Size(max = 255) String name,
        Map<String, Object> payload,
        @Size(min = 1, max = 255) String idempotencyKey) {
}
