package io.symphainy.runtime.core.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.symphainy.runtime.core.observability.MetricsSample.CapabilityFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sampler's rates and percentiles from real Micrometer meters, and the bounded ring of samples. */
class MetricsHistoryTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StepLatencies latencies = new StepLatencies();
    private final AtomicReference<RuntimeFigures> figures = new AtomicReference<>(
            new RuntimeFigures(Instant.now(), 10, 8192L, Map.of("read-models", 3L), Map.of()));
    private final MetricsSampler sampler = new MetricsSampler(registry, latencies, figures::get);

    @Test
    void theFirstReadingIsTheBaselineAndLaterOnesAreRatesOfTheInterval() {
        accepted("tenant-a", "diagnostics.echo").increment(40);
        assertThat(sampler.sample(Instant.now(), 0)).isEmpty();

        accepted("tenant-a", "diagnostics.echo").increment(10);
        Counter.builder(RuntimeMeters.RETRIES).tags(RuntimeMeters.TENANT, "tenant-a", RuntimeMeters.CAPABILITY,
                "diagnostics.echo", RuntimeMeters.STEP, "two", RuntimeMeters.PHASE, "forward").register(registry)
                .increment(5);
        Counter.builder(RuntimeMeters.WAL_APPENDS).tags(RuntimeMeters.TENANT, "tenant-b").register(registry)
                .increment(20);
        latencies.record("tenant-a", "diagnostics.echo", 100);
        MetricsSample sample = sampler.sample(Instant.now(), 5).orElseThrow();

        CapabilityFigures echo = sample.tenants().get("tenant-a").capabilities().get(0);
        assertThat(echo.capability()).isEqualTo("diagnostics.echo");
        assertThat(echo.executionsPerSecond()).isEqualTo(2.0);
        assertThat(echo.retriesPerSecond()).isEqualTo(1.0);
        assertThat(echo.stepP50Ms()).isBetween(84.0, 101.0);
        assertThat(sample.tenants().get("tenant-b").walAppendsPerSecond()).isEqualTo(4.0);
        assertThat(sample.tenants().get("tenant-b").capabilities()).isEmpty();
        assertThat(sample.runtime().walAppendsPerSecond()).isEqualTo(4.0);
        assertThat(sample.runtime().walSize()).isEqualTo(10L);
        assertThat(sample.runtime().projectionLag()).containsEntry("read-models", 3L);
    }

    @Test
    void anIdleIntervalShowsNoTenantAndNoPercentile() {
        accepted("tenant-a", "diagnostics.echo").increment(3);
        latencies.record("tenant-a", "diagnostics.echo", 50);
        sampler.sample(Instant.now(), 0);

        MetricsSample idle = sampler.sample(Instant.now(), 5).orElseThrow();

        assertThat(idle.tenants()).isEmpty();
    }

    @Test
    void gaugesNotYetReadAreUnknownRatherThanZero() {
        figures.set(new RuntimeFigures(Instant.EPOCH, 0, null, Map.of(), Map.of()));
        sampler.sample(Instant.now(), 0);

        MetricsSample sample = sampler.sample(Instant.now(), 5).orElseThrow();

        assertThat(sample.runtime().walSize()).isNull();
        assertThat(sample.runtime().walSizeBytes()).isNull();
        assertThat(sample.runtime().projectionLag()).isEmpty();
    }

    @Test
    void pendingApprovalsKeepATenantInTheSample() {
        sampler.sample(Instant.now(), 0);
        figures.set(new RuntimeFigures(Instant.now(), 10, 8192L, Map.of(), Map.of("tenant-gov", 2L)));

        MetricsSample sample = sampler.sample(Instant.now(), 5).orElseThrow();

        assertThat(sample.tenants().get("tenant-gov").approvalsPending()).isEqualTo(2);
    }

    @Test
    void theRingKeepsOnlyTheRetentionsSamplesAndAnswersNewestFirstBounded() throws InterruptedException {
        MetricsHistory history = new MetricsHistory(sampler,
                new MetricsHistoryProperties(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        for (int i = 0; i < 6; i++) {
            history.sampleNow();
            Thread.sleep(2);
        }

        List<MetricsSample> kept = history.since(null, 100);
        assertThat(kept).hasSize(3);
        assertThat(kept.get(0).at()).isBeforeOrEqualTo(kept.get(2).at());
        assertThat(history.since(null, 2)).containsExactly(kept.get(1), kept.get(2));
        assertThat(history.since(kept.get(1).at(), 100)).containsExactly(kept.get(2));
    }

    @Test
    void settingsThatWouldKeepTooManySamplesAreRefused() {
        assertThatThrownBy(() -> new MetricsHistoryProperties(Duration.ofMillis(500), Duration.ofMinutes(1)))
                .hasMessageContaining("at least 1s");
        assertThatThrownBy(() -> new MetricsHistoryProperties(Duration.ofSeconds(1), Duration.ofDays(1)))
                .hasMessageContaining("at most");
        assertThatThrownBy(() -> new MetricsHistoryProperties(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .hasMessageContaining("retention");
        assertThat(new MetricsHistoryProperties(Duration.ofSeconds(5), Duration.ofHours(1)).samples()).isEqualTo(720);
    }

    private Counter accepted(String tenant, String capability) {
        return Counter.builder(RuntimeMeters.INTENTS_ACCEPTED)
                .tags(RuntimeMeters.TENANT, tenant, RuntimeMeters.CAPABILITY, capability).register(registry);
    }
}
