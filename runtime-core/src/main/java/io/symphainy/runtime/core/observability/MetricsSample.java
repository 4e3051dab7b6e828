package io.symphainy.runtime.core.observability;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The runtime's figures over one sampling interval ending at {@code at}: each tenant's rates and step durations, and
 * the figures of the whole runtime. A tenant or capability with nothing to show in the interval is left out.
 *
 * @param seconds the length of the interval the rates are taken over
 * @param tenants each active tenant's figures, by tenant
 * @param runtime figures that name no tenant
 */
public record MetricsSample(Instant at, double seconds, Map<String, TenantFigures> tenants,
                            RuntimeWideFigures runtime) {

    /**
     * One tenant's figures.
     *
     * @param capabilities        rates and step durations by capability
     * @param approvalsPending    executions held for approval, as of the last gauge refresh
     * @param walAppendsPerSecond events the tenant's work appended to the event store
     */
    public record TenantFigures(List<CapabilityFigures> capabilities, long approvalsPending,
                                double walAppendsPerSecond) {
    }

    /**
     * One capability's rates over the interval and the percentiles of its step attempts' durations (every step and
     * outcome together); percentiles are {@code null} when no attempt finished in the interval.
     */
    public record CapabilityFigures(String capability, double executionsPerSecond,
                                    double executionsFinishedPerSecond, double stepsPerSecond,
                                    double retriesPerSecond, double compensationsPerSecond,
                                    Double stepP50Ms, Double stepP95Ms, Double stepP99Ms) {
    }

    /**
     * Figures of the whole runtime, as of the last gauge refresh ({@code runtime.metrics.gauge-refresh}); the gauges'
     * figures are {@code null} (and the lag empty) until their first refresh.
     *
     * @param walSize             the event store's head position
     * @param walSizeBytes        disk space of the event store's table; {@code null} when unknown
     * @param walAppendsPerSecond events every tenant appended
     * @param projectionLag       events each streaming processor is behind the head, by processor
     */
    public record RuntimeWideFigures(Long walSize, Long walSizeBytes, double walAppendsPerSecond,
                                     Map<String, Long> projectionLag) {
    }
}
