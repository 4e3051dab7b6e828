package io.symphainy.runtime.api.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The rebuilds this node started, in memory: for each projection where its replay began, where the event store's
 * head was then, and when. Another node's rebuilds, and rebuilds before a restart, are not known here.
 */
@Component
public class RebuildRegistry {

    /**
     * One rebuild: replay from {@code startPosition} up to {@code targetPosition}, begun at {@code startedAt}, and
     * once seen caught up, {@code finishedAt}.
     */
    public record Rebuild(long startPosition, long targetPosition, Instant startedAt, Instant finishedAt) {
    }

    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final Clock clock;

    RebuildRegistry() {
        this(Clock.systemUTC());
    }

    RebuildRegistry(Clock clock) {
        this.clock = clock;
    }

    void started(String projection, long startPosition, long targetPosition) {
        rebuilds.put(projection, new Rebuild(startPosition, targetPosition, clock.instant(), null));
    }

    void finished(String projection) {
        rebuilds.computeIfPresent(projection, (name, rebuild) -> rebuild.finishedAt() != null ? rebuild
                : new Rebuild(rebuild.startPosition(), rebuild.targetPosition(), rebuild.startedAt(), clock.instant()));
    }

    Optional<Rebuild> find(String projection) {
        return Optional.ofNullable(rebuilds.get(projection));
    }

    Instant now() {
        return clock.instant();
    }
}
