package io.symphainy.runtime.core.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the runtime's own meters.
 *
 * @param gaugeRefresh    how often the gauges read from the database and the processors (WAL size, projection lag,
 *                        pending approvals) are read again
 * @param percentileWindow how far back the p50, p95 and p99 of the timers look
 * @param recentInterval   the interval whose counts {@code GET /runtime/metrics} shows as recent activity
 */
@ConfigurationProperties("runtime.metrics")
public record MetricsProperties(
        @DefaultValue("10s") Duration gaugeRefresh,
        @DefaultValue("5m") Duration percentileWindow,
        @DefaultValue("1m") Duration recentInterval) {
}
