package io.symphainy.runtime.core.quota.messages;

/**
 * The limits of one tenant's use of the runtime; a {@code null} limit is no limit.
 *
 * @param maxInFlight       executions accepted and not yet finished (accepted, running or compensating) at once
 * @param intentsPerSecond  intents taken per second, on average (a token bucket)
 * @param burst             intents taken at once above the average rate (the bucket's size); with no burst, one
 *                          second's worth of the rate (at least one)
 * @param uploadBytesPerDay bytes uploaded through {@code POST /content/upload} per UTC day
 */
public record QuotaLimits(Integer maxInFlight, Double intentsPerSecond, Integer burst, Long uploadBytesPerDay) {

    /** No limit at all. */
    public static final QuotaLimits UNLIMITED = new QuotaLimits(null, null, null, null);
}
