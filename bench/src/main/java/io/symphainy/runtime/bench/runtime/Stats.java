package io.symphainy.runtime.bench.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles of one run's samples, and the median and spread of a figure over repeated runs. */
final class Stats {

    private Stats() {
    }

    /** The nearest-rank percentile {@code p} (0–100) of the samples; NaN when there are none. */
    static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** {@code {median, min, max, runs}} of a figure measured once per repetition. */
    static Map<String, Object> spread(List<Double> values) {
        Map<String, Object> spread = new LinkedHashMap<>();
        spread.put("median", round(median(values)));
        spread.put("min", round(values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
        spread.put("max", round(values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
        spread.put("runs", values.size());
        return spread;
    }

    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100.0) / 100.0 : value;
    }

    /** "median (min–max)" for the printed table. */
    static String text(List<Double> values) {
        if (values.isEmpty()) {
            return "n/a";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(java.util.Locale.ROOT, "%.2f (%.2f–%.2f)", median(values), min, max);
    }
}
