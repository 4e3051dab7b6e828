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

    /** The nearest-rank percentile {@code p} (0–100) of the finite samples; NaN when there are none. */
    static double percentile(List<Double> samples, double p) {
        List<Double> sorted = finite(samples);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The last value recorded. */
    static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /**
     * {@code {median, min, max, runs}} of a figure measured once per repetition; a repetition that produced no
     * figure (NaN: every request failed) counts in {@code runs} but not in the others.
     */
    static Map<String, Object> spread(List<Double> all) {
        List<Double> values = finite(all);
        Map<String, Object> spread = new LinkedHashMap<>();
        spread.put("median", round(median(values)));
        spread.put("min", round(values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)));
        spread.put("max", round(values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
        spread.put("runs", all.size());
        return spread;
    }

    private static List<Double> finite(List<Double> values) {
        List<Double> finite = new ArrayList<>();
        for (Double value : values) {
            if (value != null && Double.isFinite(value)) {
                finite.add(value);
            }
        }
        Collections.sort(finite);
        return finite;
    }

    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100.0) / 100.0 : value;
    }

    /** "median (min–max)" for the printed table. */
    static String text(List<Double> all) {
        List<Double> values = finite(all);
        if (values.isEmpty()) {
            return "n/a";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(java.util.Locale.ROOT, "%.2f (%.2f–%.2f)", median(values), min, max);
    }
}
