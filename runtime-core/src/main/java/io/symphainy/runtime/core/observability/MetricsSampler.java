package io.symphainy.runtime.core.observability;

import static io.symphainy.runtime.core.observability.RuntimeMeters.CAPABILITY;
import static io.symphainy.runtime.core.observability.RuntimeMeters.TENANT;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.symphainy.runtime.core.observability.MetricsSample.CapabilityFigures;
import io.symphainy.runtime.core.observability.MetricsSample.RuntimeWideFigures;
import io.symphainy.runtime.core.observability.MetricsSample.TenantFigures;
import io.symphainy.runtime.core.observability.StepLatencies.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Turns two readings of the runtime's cumulative meters into the rates and step-duration percentiles of the interval
 * between them. The first reading only sets the baseline: counts since the node started are not a rate.
 */
final class MetricsSampler {

    /** One cumulative series: a meter's name, tenant and capability (null where the meter has none). */
    private record Key(String name, String tenant, String capability) {
    }

    private static final List<String> COUNTERS = List.of(RuntimeMeters.INTENTS_ACCEPTED, RuntimeMeters.STEP_ATTEMPTS,
            RuntimeMeters.RETRIES, RuntimeMeters.COMPENSATIONS, RuntimeMeters.WAL_APPENDS);

    private final MeterRegistry registry;
    private final StepLatencies latencies;
    private final Supplier<RuntimeFigures> gauges;
    private Map<Key, Double> previousCounts;
    private Map<Series, long[]> previousLatencies;

    MetricsSampler(MeterRegistry registry, StepLatencies latencies, Supplier<RuntimeFigures> gauges) {
        this.registry = registry;
        this.latencies = latencies;
        this.gauges = gauges;
    }

    /** Reads the meters; empty on the first reading, which only sets the baseline. */
    Optional<MetricsSample> sample(Instant at, double seconds) {
        Map<Key, Double> counts = readCounts();
        Map<Series, long[]> histograms = latencies.read();
        Map<Key, Double> before = previousCounts;
        Map<Series, long[]> latenciesBefore = previousLatencies;
        previousCounts = counts;
        previousLatencies = histograms;
        if (before == null || seconds <= 0) {
            return Optional.empty();
        }
        Rates rates = new Rates(counts, before, seconds);
        RuntimeFigures figures = gauges.get();
        TreeSet<String> tenants = new TreeSet<>(figures.pendingApprovals().keySet());
        counts.keySet().stream().map(Key::tenant).filter(Objects::nonNull).forEach(tenants::add);
        histograms.keySet().forEach(series -> tenants.add(series.tenant()));
        Map<String, TenantFigures> byTenant = new TreeMap<>();
        for (String tenant : tenants) {
            List<CapabilityFigures> capabilities = capabilities(tenant, counts, histograms, latenciesBefore, rates);
            long pending = figures.pendingApprovals().getOrDefault(tenant, 0L);
            double walAppends = rates.of(RuntimeMeters.WAL_APPENDS, tenant, null);
            if (!capabilities.isEmpty() || pending > 0 || walAppends > 0) {
                byTenant.put(tenant, new TenantFigures(capabilities, pending, walAppends));
            }
        }
        double allAppends = rates.total(RuntimeMeters.WAL_APPENDS);
        boolean read = figures.readAt().isAfter(Instant.EPOCH);
        return Optional.of(new MetricsSample(at, seconds, byTenant, new RuntimeWideFigures(
                read ? figures.walSize() : null, figures.walSizeBytes(), allAppends,
                new TreeMap<>(figures.projectionLag()))));
    }

    private List<CapabilityFigures> capabilities(String tenant, Map<Key, Double> counts, Map<Series, long[]> histograms,
                                                 Map<Series, long[]> latenciesBefore, Rates rates) {
        TreeSet<String> names = new TreeSet<>();
        counts.keySet().stream().filter(key -> tenant.equals(key.tenant()) && key.capability() != null)
                .forEach(key -> names.add(key.capability()));
        histograms.keySet().stream().filter(series -> tenant.equals(series.tenant()))
                .forEach(series -> names.add(series.capability()));
        List<CapabilityFigures> figures = new ArrayList<>();
        for (String capability : names) {
            Series series = new Series(tenant, capability);
            long[] interval = difference(histograms.get(series), latenciesBefore.get(series));
            CapabilityFigures row = new CapabilityFigures(capability,
                    rates.of(RuntimeMeters.INTENTS_ACCEPTED, tenant, capability),
                    rates.of(RuntimeMeters.EXECUTION_DURATION, tenant, capability),
                    rates.of(RuntimeMeters.STEP_ATTEMPTS, tenant, capability),
                    rates.of(RuntimeMeters.RETRIES, tenant, capability),
                    rates.of(RuntimeMeters.COMPENSATIONS, tenant, capability),
                    millis(StepLatencies.quantile(interval, 0.5)), millis(StepLatencies.quantile(interval, 0.95)),
                    millis(StepLatencies.quantile(interval, 0.99)));
            if (row.executionsPerSecond() > 0 || row.executionsFinishedPerSecond() > 0 || row.stepsPerSecond() > 0
                    || row.retriesPerSecond() > 0 || row.compensationsPerSecond() > 0 || row.stepP50Ms() != null) {
                figures.add(row);
            }
        }
        return figures;
    }

    private Map<Key, Double> readCounts() {
        Map<Key, Double> counts = new HashMap<>();
        for (String name : COUNTERS) {
            registry.find(name).counters().forEach(counter -> counts.merge(key(name, counter), counter.count(),
                    Double::sum));
        }
        for (Timer timer : registry.find(RuntimeMeters.EXECUTION_DURATION).timers()) {
            counts.merge(key(RuntimeMeters.EXECUTION_DURATION, timer), (double) timer.count(), Double::sum);
        }
        return counts;
    }

    private static Key key(String name, Meter meter) {
        return new Key(name, meter.getId().getTag(TENANT), meter.getId().getTag(CAPABILITY));
    }

    /** A percentile to a tenth of a millisecond: the buckets are far coarser than that. */
    private static Double millis(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    private static long[] difference(long[] now, long[] before) {
        if (now == null) {
            return new long[0];
        }
        long[] interval = new long[now.length];
        for (int i = 0; i < now.length; i++) {
            interval[i] = Math.max(0, now[i] - (before == null ? 0 : before[i]));
        }
        return interval;
    }

    /** Per-second rates of the cumulative series between two readings; a series new since then started at 0. */
    private record Rates(Map<Key, Double> now, Map<Key, Double> before, double seconds) {

        double of(String name, String tenant, String capability) {
            Key key = new Key(name, tenant, capability);
            return rate(now.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0));
        }

        double total(String name) {
            double delta = 0;
            for (Map.Entry<Key, Double> entry : now.entrySet()) {
                if (entry.getKey().name().equals(name)) {
                    delta += entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
                }
            }
            return rate(delta);
        }

        private double rate(double delta) {
            return Math.round(Math.max(0, delta) / seconds * 1000) / 1000.0;
        }
    }
}
