package io.symphainy.runtime.core.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.symphainy.runtime.core.observability.StepLatencies.Series;
import org.junit.jupiter.api.Test;

class StepLatenciesTest {

    @Test
    void percentilesOfRecordedDurationsAreWithinOneBucketsError() {
        StepLatencies latencies = new StepLatencies();
        for (int millis = 1; millis <= 1000; millis++) {
            latencies.record("tenant-a", "payments.charge", millis);
        }

        long[] counts = latencies.read().get(new Series("tenant-a", "payments.charge"));

        assertThat(StepLatencies.quantile(counts, 0.5)).isCloseTo(500, within(500 * 0.19));
        assertThat(StepLatencies.quantile(counts, 0.95)).isCloseTo(950, within(950 * 0.19));
        assertThat(StepLatencies.quantile(counts, 0.99)).isCloseTo(990, within(990 * 0.19));
    }

    @Test
    void eachTenantAndCapabilityHasItsOwnHistogram() {
        StepLatencies latencies = new StepLatencies();
        latencies.record("tenant-a", "slow", 4000);
        latencies.record("tenant-b", "slow", 4);

        assertThat(StepLatencies.quantile(latencies.read().get(new Series("tenant-a", "slow")), 0.5))
                .isGreaterThan(3000);
        assertThat(StepLatencies.quantile(latencies.read().get(new Series("tenant-b", "slow")), 0.5))
                .isLessThan(5);
    }

    @Test
    void nothingCountedHasNoPercentile() {
        assertThat(StepLatencies.quantile(new long[StepLatencies.BOUNDS_MS.length + 1], 0.5)).isNull();
        assertThat(StepLatencies.quantile(new long[0], 0.99)).isNull();
    }

    @Test
    void bucketsCoverZeroToBeyondAnHour() {
        assertThat(StepLatencies.bucketOf(0)).isZero();
        assertThat(StepLatencies.bucketOf(1)).isZero();
        assertThat(StepLatencies.bucketOf(2)).isEqualTo(4);
        assertThat(StepLatencies.BOUNDS_MS[StepLatencies.BOUNDS_MS.length - 1]).isGreaterThanOrEqualTo(3_600_000);
        assertThat(StepLatencies.bucketOf(10_000_000)).isEqualTo(StepLatencies.BOUNDS_MS.length);
    }
}
