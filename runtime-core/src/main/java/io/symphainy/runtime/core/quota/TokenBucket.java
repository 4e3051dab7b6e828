package io.symphainy.runtime.core.quota;

/**
 * A token bucket: it holds up to {@code size} tokens, refills at {@code perSecond} tokens a second, and each intent
 * takes one. A full bucket lets a burst of {@code size} intents through at once; after that, intents pass at the rate.
 * Times are {@link System#nanoTime()} readings passed in, so tests need no clock.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perSecond;
    private final int size;
    private double tokens;
    private long refilledAtNanos;

    TokenBucket(double perSecond, int size, long nowNanos) {
        this.perSecond = perSecond;
        this.size = size;
        this.tokens = size;
        this.refilledAtNanos = nowNanos;
    }

    /** Whether this bucket was made for the given rate and size. */
    boolean sized(double rate, int bucketSize) {
        return perSecond == rate && size == bucketSize;
    }

    /** Takes a token: 0 when one was there, else how many nanoseconds until one will be (nothing is taken then). */
    synchronized long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perSecond * NANOS_PER_SECOND);
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - refilledAtNanos;
        if (elapsed > 0) {
            tokens = Math.min(size, tokens + elapsed / NANOS_PER_SECOND * perSecond);
            refilledAtNanos = nowNanos;
        }
    }
}
