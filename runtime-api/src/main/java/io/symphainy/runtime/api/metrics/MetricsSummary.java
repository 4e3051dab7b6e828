package io.symphainy.runtime.api.metrics;

import static io.symphainy.runtime.core.observability.RuntimeMeters.CAPABILITY;
import static io.symphainy.runtime.core.observability.RuntimeMeters.OUTCOME;
import static io.symphainy.runtime.core.observability.RuntimeMeters.REASON;
import static io.symphainy.runtime.core.observability.RuntimeMeters.STEP;
import static io.symphainy.runtime.core.observability.RuntimeMeters.TENANT;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.symphainy.runtime.api.metrics.MetricsSummaryResponse.Activity;
import io.symphainy.runtime.api.metrics.MetricsSummaryResponse.CapabilityFigures;
import io.symphainy.runtime.api.metrics.MetricsSummaryResponse.RejectedIntents;
import io.symphainy.runtime.api.metrics.MetricsSummaryResponse.RuntimeWideFigures;
import io.symphainy.runtime.api.metrics.MetricsSummaryResponse.TimerFigures;
import io.symphainy.runtime.core.observability.MetricsProperties;
import io.symphainy.runtime.core.observability.RuntimeFigures;
import io.symphainy.runtime.core.observability.RuntimeGauges;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Builds {@code GET /runtime/metrics} from the meters: only series tagged with the caller's tenant, plus the
 * runtime-wide figures that name no tenant.
 */
@Component
class MetricsSummary {

    private final RuntimeMeters meters;
    private final RuntimeGauges gauges;
    private final MetricsProperties properties;

    MetricsSummary(RuntimeMeters meters, RuntimeGauges gauges, MetricsProperties properties) {
        this.meters = meters;
        this.gauges = gauges;
        this.properties = properties;
    }

    MetricsSummaryResponse of(String tenant) {
        RuntimeFigures figures = gauges.refresh();
        return new MetricsSummaryResponse(tenant, Instant.now(), properties.recentInterval().toSeconds(),
                activity(RuntimeMeters.INTENTS_ACCEPTED, tenant),
                rejected(tenant),
                capabilities(tenant),
                timers(RuntimeMeters.EXECUTION_DURATION, tenant),
                timers(RuntimeMeters.STEP_DURATION, tenant),
                activity(RuntimeMeters.STEP_ATTEMPTS, tenant),
                activity(RuntimeMeters.RETRIES, tenant),
                activity(RuntimeMeters.COMPENSATIONS, tenant),
                figures.pendingApprovals().getOrDefault(tenant, 0L),
                activity(RuntimeMeters.WAL_APPENDS, tenant),
                activity(RuntimeMeters.STATE_SURFACE_READS, tenant),
                activity(RuntimeMeters.STATE_SURFACE_WRITES, tenant),
                new RuntimeWideFigures(figures.readAt(), figures.walSize(), figures.walSizeBytes(),
                        activity(RuntimeMeters.WAL_APPENDS, null), figures.projectionLag()));
    }

    /** The tenant's counters of {@code name}; every tenant's when {@code tenant} is null. */
    private Activity activity(String name, String tenant) {
        return new Activity(sum(counters(meters.registry(), name, tenant)),
                sum(counters(meters.recent(), name, tenant)));
    }

    private RejectedIntents rejected(String tenant) {
        Map<String, Long> byReason = new TreeMap<>();
        counters(meters.registry(), RuntimeMeters.INTENTS_REJECTED, tenant).forEach(counter ->
                byReason.merge(counter.getId().getTag(REASON), (long) counter.count(), Long::sum));
        Activity activity = activity(RuntimeMeters.INTENTS_REJECTED, tenant);
        return new RejectedIntents(activity.count(), activity.recent(), byReason);
    }

    private List<CapabilityFigures> capabilities(String tenant) {
        Map<String, Collection<Counter>> accepted = byCapability(RuntimeMeters.INTENTS_ACCEPTED, tenant);
        Map<String, Collection<Counter>> attempts = byCapability(RuntimeMeters.STEP_ATTEMPTS, tenant);
        Map<String, Collection<Counter>> retries = byCapability(RuntimeMeters.RETRIES, tenant);
        Map<String, Collection<Counter>> compensations = byCapability(RuntimeMeters.COMPENSATIONS, tenant);
        TreeSet<String> names = new TreeSet<>(accepted.keySet());
        names.addAll(attempts.keySet());
        return names.stream().map(capability -> new CapabilityFigures(capability,
                sum(accepted.getOrDefault(capability, List.of())), sum(attempts.getOrDefault(capability, List.of())),
                sum(retries.getOrDefault(capability, List.of())),
                sum(compensations.getOrDefault(capability, List.of())))).toList();
    }

    private Map<String, Collection<Counter>> byCapability(String name, String tenant) {
        Map<String, Collection<Counter>> grouped = new TreeMap<>();
        counters(meters.registry(), name, tenant).forEach(counter -> grouped
                .computeIfAbsent(counter.getId().getTag(CAPABILITY), key -> new ArrayList<>())
                .add(counter));
        return grouped;
    }

    private List<TimerFigures> timers(String name, String tenant) {
        return meters.registry().find(name).tag(TENANT, tenant).timers().stream()
                .map(MetricsSummary::figures)
                .sorted(Comparator.comparing(TimerFigures::capability)
                        .thenComparing(figures -> figures.step() == null ? "" : figures.step())
                        .thenComparing(TimerFigures::outcome))
                .toList();
    }

    private static TimerFigures figures(Timer timer) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        Map<Double, Double> percentiles = new TreeMap<>();
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            percentiles.put(value.percentile(), value.value(TimeUnit.MILLISECONDS));
        }
        boolean recent = snapshot.max() > 0;
        return new TimerFigures(timer.getId().getTag(CAPABILITY), timer.getId().getTag(STEP),
                timer.getId().getTag(OUTCOME), snapshot.count(), snapshot.mean(TimeUnit.MILLISECONDS),
                snapshot.max(TimeUnit.MILLISECONDS), recent ? percentiles.get(0.5) : null,
                recent ? percentiles.get(0.95) : null, recent ? percentiles.get(0.99) : null);
    }

    private static Collection<Counter> counters(MeterRegistry registry, String name, String tenant) {
        return tenant == null ? registry.find(name).counters() : registry.find(name).tag(TENANT, tenant).counters();
    }

    private static long sum(Collection<Counter> counters) {
        return Math.round(counters.stream().mapToDouble(Counter::count).sum());
    }
}
