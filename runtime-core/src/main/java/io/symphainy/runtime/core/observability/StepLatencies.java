package io.symphainy.runtime.core.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.stereotype.Component;

/**
 * Step attempt durations by tenant and capability, as cumulative histograms with logarithmic buckets. The metrics
 * history takes the percentiles of each sampling interval from the difference of two readings, the way Prometheus
 * takes them from the rate of a histogram's buckets; a timer's own percentiles cannot be merged across steps.
 */
@Component
public class StepLatencies {

    /** Each bucket's upper bound is about 19% (2^¼) above the previous one: the error of an estimated percentile. */
    static final double GROWTH = Math.pow(2, 0.25);
    /** Upper bounds in milliseconds, from 1 ms to beyond an hour; one more bucket takes everything above. */
    static final double[] BOUNDS_MS = bounds();

    /** Whose durations a histogram holds. */
    public record Series(String tenant, String capability) {
    }

    private final Map<Series, AtomicLongArray> histograms = new ConcurrentHashMap<>();

    void record(String tenant, String capability, long durationMillis) {
        histograms.computeIfAbsent(new Series(tenant, capability), series -> new AtomicLongArray(BOUNDS_MS.length + 1))
                .incrementAndGet(bucketOf(durationMillis));
    }

    /** A copy of every histogram's counts since the node started. */
    public Map<Series, long[]> read() {
        Map<Series, long[]> copy = new HashMap<>();
        histograms.forEach((series, counts) -> {
            long[] values = new long[counts.length()];
            for (int i = 0; i < values.length; i++) {
                values[i] = counts.get(i);
            }
            copy.put(series, values);
        });
        return copy;
    }

    /**
     * The {@code q}-quantile in milliseconds of the durations counted per bucket, interpolated linearly inside its
     * bucket; {@code null} when nothing was counted.
     */
    public static Double quantile(long[] counts, double q) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                double lower = i == 0 ? 0 : BOUNDS_MS[i - 1];
                double upper = i < BOUNDS_MS.length ? BOUNDS_MS[i] : BOUNDS_MS[BOUNDS_MS.length - 1];
                return lower + (upper - lower) * Math.max(0, rank - below) / counts[i];
            }
            below += counts[i];
        }
        return BOUNDS_MS[BOUNDS_MS.length - 1];
    }

    static int bucketOf(long durationMillis) {
        int low = 0;
        int high = BOUNDS_MS.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (BOUNDS_MS[middle] < durationMillis) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static double[] bounds() {
        double hourMillis = 3_600_000;
        int count = (int) Math.ceil(Math.log(hourMillis) / Math.log(GROWTH)) + 1;
        double[] bounds = new double[count];
        for (int i = 0; i < count; i++) {
            bounds[i] = Math.pow(2, i / 4.0);
        }
        return bounds;
    }
}
