package io.symphainy.runtime.api.replay;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The body of {@code POST /replay/batch}.
 *
 * @param action        {@code replay} or {@code resume}
 * @param mode          for {@code replay}: its mode
 * @param policy        for {@code replay}: {@code current} to re-evaluate the policy as well
 * @param filter        which of the caller's tenant's executions to act on
 * @param dryRun        only count and list the matching executions
 * @param limit         at most this many executions (capped by {@code runtime.replay.batch.max-executions})
 * @param ratePerSecond at most this many executions per second (capped by
 *                      {@code runtime.replay.batch.max-rate-per-second})
 */
public record ReplayBatchRequest(
        @NotBlank @Pattern(regexp = "replay|resume") String action,
        @Size(max = 32) String mode,
        @Size(max = 32) String policy,
        @Valid Filter filter,
        Boolean dryRun,
        @Min(1) Integer limit,
        @Min(1) Integer ratePerSecond) {

    /**
     * Every field optional; all given ones must match.
     *
     * @param status     an execution status ({@code failed}, {@code compensated}, …)
     * @param from       accepted at or after
     * @param to         accepted before
     * @param failedStep the step the execution failed at
     */
    public record Filter(
            @Size(max = 255) String capability,
            @Size(max = 32) String status,
            Instant from,
            Instant to,
            @Size(max = 255) String failedStep) {
    }
}
