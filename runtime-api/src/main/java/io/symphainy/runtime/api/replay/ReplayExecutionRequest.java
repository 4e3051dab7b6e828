package io.symphainy.runtime.api.replay;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /execution/{id}/replay}.
 *
 * @param mode   {@code events_only}, {@code state_only} or {@code full}
 * @param asOf   for {@code state_only}: an event index (as {@code events_only} numbers events) or an ISO-8601
 *               instant; the state at that point is rebuilt
 * @param policy {@code current}: also re-evaluate the recorded intent against the tenant's current policy
 * @param rerunModel for {@code full}: call today's reasoning model for agent steps and compare its answer and
 *               citations with the recorded ones, instead of running them on the recorded model output
 */
public record ReplayExecutionRequest(
        @NotBlank String mode,
        @Size(max = 64) String asOf,
        @Size(max = 32) String policy,
        Boolean rerunModel) {
}
