package io.symphainy.runtime.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FailedAuthenticationLimiterTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void sourceIsThrottledAtTheLimitUntilItsWindowEnds() {
        FailedAuthenticationLimiter limiter = limiter(3, Duration.ofMinutes(1), 100);
        limiter.recordFailure("a");
        clock.advance(Duration.ofSeconds(10));
        limiter.recordFailure("a");
        assertThat(limiter.retryAfter("a")).isEmpty();

        limiter.recordFailure("a");

        assertThat(limiter.retryAfter("a")).contains(Duration.ofSeconds(50));
        assertThat(limiter.retryAfter("b")).isEmpty();
        clock.advance(Duration.ofSeconds(50));
        assertThat(limiter.retryAfter("a")).isEmpty();
    }

    @Test
    void failuresOfAnEndedWindowAreForgotten() {
        FailedAuthenticationLimiter limiter = limiter(2, Duration.ofMinutes(1), 100);
        limiter.recordFailure("a");
        clock.advance(Duration.ofMinutes(2));

        limiter.recordFailure("a");

        assertThat(limiter.retryAfter("a")).isEmpty();
    }

    @Test
    void leastRecentlySeenSourceIsForgottenBeyondTheTrackedCount() {
        FailedAuthenticationLimiter limiter = limiter(1, Duration.ofMinutes(1), 2);
        limiter.recordFailure("a");
        limiter.recordFailure("b");
        assertThat(limiter.retryAfter("a")).isPresent();

        limiter.recordFailure("c");

        assertThat(limiter.retryAfter("a")).isPresent();
        assertThat(limiter.retryAfter("b")).isEmpty();
        assertThat(limiter.retryAfter("c")).isPresent();
    }

    @Test
    void zeroMaxFailuresSwitchesTheLimitOff() {
        FailedAuthenticationLimiter limiter = limiter(0, Duration.ofMinutes(1), 10);
        for (int failure = 0; failure < 100; failure++) {
            limiter.recordFailure("a");
        }
        assertThat(limiter.retryAfter("a")).isEmpty();
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new FailedAuthenticationProperties(-1, Duration.ofMinutes(1), 10))
                .hasMessageContaining("max-failures");
        assertThatThrownBy(() -> new FailedAuthenticationProperties(1, Duration.ZERO, 10))
                .hasMessageContaining("window");
        assertThatThrownBy(() -> new FailedAuthenticationProperties(1, Duration.ofMinutes(1), 0))
                .hasMessageContaining("tracked-sources");
    }

    private FailedAuthenticationLimiter limiter(int maxFailures, Duration window, int trackedSources) {
        return new FailedAuthenticationLimiter(new FailedAuthenticationProperties(maxFailures, window,
                trackedSources), clock, new SimpleMeterRegistry());
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
