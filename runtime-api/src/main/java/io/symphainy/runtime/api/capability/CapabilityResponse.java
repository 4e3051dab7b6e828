package io.symphainy.runtime.api.capability;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import java.util.List;
import java.util.Set;

/**
 * A registered capability as {@code GET /capabilities} lists it: its newest version's contract, and every version
 * with the executions in flight on it, newest first.
 */
public record CapabilityResponse(
        String name,
        String realm,
        Set<String> intentTypes,
        JsonNode inputSchema,
        String outputDescription,
        String riskLevel,
        boolean deterministic,
        List<PlannedStep> steps,
        RetryPolicyResponse retryPolicy,
        String version,
        List<CapabilityVersionResponse> versions) {

    /** The retry policy with its delays in milliseconds. */
    public record RetryPolicyResponse(int maxAttempts, long initialDelayMs, double multiplier, long maxDelayMs,
                                      Set<String> nonRetryableCodes) {

        static RetryPolicyResponse of(RetryPolicy policy) {
            return new RetryPolicyResponse(policy.maxAttempts(), policy.initialDelay().toMillis(),
                    policy.multiplier(), policy.maxDelay().toMillis(), policy.nonRetryableCodes());
        }
    }
}
