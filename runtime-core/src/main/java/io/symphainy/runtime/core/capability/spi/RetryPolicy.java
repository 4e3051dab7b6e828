package io.symphainy.runtime.core.capability.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a capability's failed steps are tried again: exponential backoff up to a number of attempts.
 *
 * @param maxAttempts       attempts in all, the first included
 * @param initialDelay      wait before the second attempt
 * @param multiplier        growth of the wait from one attempt to the next
 * @param maxDelay          the longest wait between two attempts
 * @param nonRetryableCodes failure codes never tried again, even when the step called them retryable
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialDelay,
        double multiplier,
        Duration maxDelay,
        Set<String> nonRetryableCodes) {

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initialDelay <= maxDelay");
        }
        nonRetryableCodes = nonRetryableCodes == null ? Set.of() : Set.copyOf(nonRetryableCodes);
    }

    /** A policy retrying every retryable failure. */
    public static RetryPolicy exponential(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, Set.of());
    }

    /** A policy that never tries a step twice. */
    public static RetryPolicy none() {
        return exponential(1, Duration.ZERO, 1.0, Duration.ZERO);
    }

    /** The same policy, never retrying the given failure codes. */
    public RetryPolicy neverRetrying(String... codes) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, Set.of(codes));
    }
}
