package io.symphainy.runtime.bench.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Whether each sampled resource stayed flat after the warm-up: its least-squares slope per minute over the samples
 * after the warm-up (samples that could not be taken left out), and its growth from the first of them to the last, against a tolerance per resource (heap may
 * breathe by a tenth, counts by a small number).
 */
final class SoakVerdict {

    private final List<ResourceSample> samples;
    private final int warmUpMinutes;

    SoakVerdict(List<ResourceSample> samples, int warmUpMinutes) {
        this.samples = samples.stream().filter(sample -> sample.minute() >= warmUpMinutes).toList();
        this.warmUpMinutes = warmUpMinutes;
    }

    String report() {
        StringBuilder report = new StringBuilder("after a warm-up of " + warmUpMinutes + " min ("
                + samples.size() + " samples):\n");
        line(report, "live heap MiB", ResourceSample::liveHeapMiB, 0.10, 0);
        line(report, "threads", sample -> sample.threads(), 0, 5);
        line(report, "open files", sample -> sample.openFiles(), 0, 10);
        line(report, "connections", sample -> sample.connections(), 0, 2);
        long unsampled = samples.stream().filter(sample -> sample.connections() < 0).count();
        if (unsampled > 0) {
            report.append(unsampled).append(" samples without a connection count (PostgreSQL refused the probe)\n");
        }
        return report.toString();
    }

    private void line(StringBuilder report, String name, ToDoubleFunction<ResourceSample> value,
                      double relativeTolerance, double absoluteTolerance) {
        List<ResourceSample> samples = this.samples.stream().filter(sample -> value.applyAsDouble(sample) >= 0)
                .toList();
        if (samples.size() < 2) {
            report.append(String.format("%-14s not enough samples%n", name));
            return;
        }
        double first = value.applyAsDouble(samples.get(0));
        double last = value.applyAsDouble(samples.get(samples.size() - 1));
        double slope = slope(samples, value);
        double growth = slope * (samples.size() - 1);
        double tolerance = Math.max(absoluteTolerance, relativeTolerance * first);
        report.append(String.format("%-14s first %8.1f  last %8.1f  slope %+7.2f/min  fitted growth %+8.1f  %s%n",
                name, first, last, slope, growth, growth <= tolerance ? "flat" : "GROWING"));
    }

    private static double slope(List<ResourceSample> samples, ToDoubleFunction<ResourceSample> value) {
        double n = samples.size();
        double sumX = 0;
        double sumY = 0;
        double sumXy = 0;
        double sumXx = 0;
        for (ResourceSample sample : samples) {
            double x = sample.minute();
            double y = value.applyAsDouble(sample);
            sumX += x;
            sumY += y;
            sumXy += x * y;
            sumXx += x * x;
        }
        return (n * sumXy - sumX * sumY) / (n * sumXx - sumX * sumX);
    }

    /** Options of the form {@code --name value}. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
