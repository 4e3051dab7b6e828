package io.symphainy.runtime.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rebuild progress from the replay's start position, the current position and the time spent. */
class RebuildProgressTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void rateAndTimeLeftFollowFromPositionsAndElapsedTime() {
        RebuildRegistry.Rebuild rebuild = new RebuildRegistry.Rebuild(100, 1100, START, null);
        RebuildProgress progress = RebuildProgress.of(rebuild, 350, START.plusSeconds(5));
        assertThat(progress.eventsTotal()).isEqualTo(1000);
        assertThat(progress.eventsDone()).isEqualTo(250);
        assertThat(progress.eventsPerSecond()).isEqualTo(50.0);
        assertThat(progress.estimatedSecondsLeft()).isEqualTo(15);
        assertThat(progress.finishedAt()).isNull();
    }

    @Test
    void noEstimateBeforeTheFirstEvent() {
        RebuildRegistry.Rebuild rebuild = new RebuildRegistry.Rebuild(0, 10, START, null);
        assertThat(RebuildProgress.of(rebuild, 0, START.plusSeconds(1)).estimatedSecondsLeft()).isNull();
    }

    @Test
    void aFinishedRebuildIsComplete() {
        Instant end = START.plusSeconds(2);
        RebuildRegistry.Rebuild rebuild = new RebuildRegistry.Rebuild(0, 10, START, end);
        RebuildProgress progress = RebuildProgress.of(rebuild, 12, START.plusSeconds(60));
        assertThat(progress.eventsDone()).isEqualTo(10);
        assertThat(progress.eventsPerSecond()).isEqualTo(5.0);
        assertThat(progress.estimatedSecondsLeft()).isZero();
        assertThat(progress.finishedAt()).isEqualTo(end);
    }
}
