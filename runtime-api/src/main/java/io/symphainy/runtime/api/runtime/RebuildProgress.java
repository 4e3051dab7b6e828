package io.symphainy.runtime.api.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the last rebuild of a projection on this node has come: events replayed of those in the store when it
 * began, the replay rate, and the seconds left at that rate ({@code null} while no rate is known yet). Once the
 * projection caught up, {@code finished_at} is set and the numbers no longer change.
 */
public record RebuildProgress(Instant startedAt, Instant finishedAt, long eventsDone, long eventsTotal,
                              double eventsPerSecond, Long estimatedSecondsLeft) {

    static RebuildProgress of(RebuildRegistry.Rebuild rebuild, long position, Instant now) {
        long total = Math.max(0, rebuild.targetPosition() - rebuild.startPosition());
        long done = rebuild.finishedAt() != null ? total
                : Math.min(total, Math.max(0, position - rebuild.startPosition()));
        Instant until = rebuild.finishedAt() != null ? rebuild.finishedAt() : now;
        double seconds = Math.max(1e-3, Duration.between(rebuild.startedAt(), until).toMillis() / 1000.0);
        double rate = done / seconds;
        Long left = done == total ? Long.valueOf(0) : rate > 0 ? (long) Math.ceil((total - done) / rate) : null;
        return new RebuildProgress(rebuild.startedAt(), rebuild.finishedAt(), done, total, Math.round(rate * 10) / 10.0, left);
    }
}
