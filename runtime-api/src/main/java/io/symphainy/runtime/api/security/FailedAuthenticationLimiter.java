package io.symphainy.runtime.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts refused credentials per source in fixed windows and says when a source must wait before its credentials
 * are looked at again, so that guessing keys from one address is slowed to a few guesses a minute. The count lives
 * in this node's memory: each node limits on its own, and a restart forgets.
 */
public class FailedAuthenticationLimiter {

    /** Counts credentials refused unchecked because their source was throttled. */
    public static final String THROTTLED_METER = "runtime.security.authentication.throttled";

    private final FailedAuthenticationProperties properties;
    private final Clock clock;
    private final Counter throttled;
    private final Map<String, Window> windows;

    public FailedAuthenticationLimiter(FailedAuthenticationProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.throttled = Counter.builder(THROTTLED_METER)
                .description("Requests whose credentials were refused unchecked after too many failures from their"
                        + " source")
                .register(meters);
        this.windows = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > properties.trackedSources();
            }
        };
    }

    /** Counts one refused credential presented by the source. */
    public synchronized void recordFailure(String source) {
        if (!properties.enabled()) {
            return;
        }
        Instant now = clock.instant();
        Window window = windows.get(source);
        if (window == null || window.endsBefore(now)) {
            windows.put(source, new Window(now.plus(properties.window()), 1));
        } else {
            windows.put(source, new Window(window.end(), window.failures() + 1));
        }
    }

    /** How long the source must wait before its credentials are checked again; empty when it may present them now. */
    public synchronized Optional<Duration> retryAfter(String source) {
        Window window = windows.get(source);
        Instant now = clock.instant();
        if (window == null || window.endsBefore(now) || window.failures() < properties.maxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.end()));
    }

    /** Counts one request whose credential was refused unchecked because its source was throttled. */
    void throttled() {
        throttled.increment();
    }

    private record Window(Instant end, int failures) {

        boolean endsBefore(Instant now) {
            return !now.isBefore(end);
        }
    }
}
