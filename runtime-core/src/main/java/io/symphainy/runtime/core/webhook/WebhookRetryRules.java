package io.symphainy.runtime.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff from an initial delay, capped, until the attempts
 * run out.
 */
public final class WebhookRetryRules {

    private WebhookRetryRules() {
    }

    /**
     * The delay before the next attempt after the given number of failed attempts: {@code initialDelay} after the
     * first, multiplied by {@code multiplier} after each further one, never more than {@code maxDelay}.
     */
    public static Duration backoff(int failedAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        if (Double.isNaN(millis) || millis >= maxDelay.toMillis()) {
            return maxDelay;
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /**
     * When to try again after a failed attempt; empty when that attempt was the last one allowed and the delivery
     * has failed for good.
     */
    public static Optional<Instant> nextAttempt(int failedAttempts, Instant failedAt, WebhookProperties policy) {
        if (failedAttempts >= policy.maxAttempts()) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(backoff(failedAttempts, policy.initialDelay(), policy.multiplier(),
                policy.maxDelay())));
    }
}
