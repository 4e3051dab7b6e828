package io.symphainy.runtime.core.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the runtime's figures this node keeps in memory for charts: a sample every {@code interval}, the
 * samples of the last {@code retention}.
 *
 * @param interval  how often the meters are read into a sample (at least one second)
 * @param retention how far back the samples reach; at most {@value #MAX_SAMPLES} samples are kept
 */
@ConfigurationProperties("runtime.metrics.history")
public record MetricsHistoryProperties(
        @DefaultValue("5s") Duration interval,
        @DefaultValue("1h") Duration retention) {

    /** The most samples a node keeps, whatever the settings: the bound of the history's memory. */
    public static final int MAX_SAMPLES = 10_000;

    public MetricsHistoryProperties {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("runtime.metrics.history.interval must be at least 1s");
        }
        if (retention.compareTo(interval) < 0) {
            throw new IllegalArgumentException("runtime.metrics.history.retention must be at least the interval");
        }
        if (retention.toMillis() / interval.toMillis() > MAX_SAMPLES) {
            throw new IllegalArgumentException("runtime.metrics.history keeps at most " + MAX_SAMPLES
                    + " samples: raise the interval or shorten the retention");
        }
    }

    /** How many samples the retention holds. */
    public int samples() {
        return (int) Math.max(1, retention.toMillis() / interval.toMillis());
    }
}
