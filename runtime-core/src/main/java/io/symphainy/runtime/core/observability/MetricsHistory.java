package io.symphainy.runtime.core.observability;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The recent history of the runtime's figures on this node: the meters are read every
 * {@code runtime.metrics.history.interval} into a sample, and the samples of the last
 * {@code runtime.metrics.history.retention} are kept in a bounded ring in memory, so a chart opened now shows the
 * past hour rather than starting empty. Nothing is stored: a restarted node starts a new history.
 */
@Component
public class MetricsHistory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsHistory.class);

    private final MetricsHistoryProperties properties;
    private final MetricsSampler sampler;
    private final Deque<MetricsSample> samples = new ArrayDeque<>();
    private long lastReadingNanos;
    private ScheduledExecutorService timer;

    @Autowired
    MetricsHistory(RuntimeMeters meters, StepLatencies latencies, RuntimeGauges gauges,
                   MetricsHistoryProperties properties) {
        this(new MetricsSampler(meters.registry(), latencies, gauges::figures), properties);
    }

    MetricsHistory(MetricsSampler sampler, MetricsHistoryProperties properties) {
        this.properties = properties;
        this.sampler = sampler;
    }

    /** The settings the history runs with. */
    public MetricsHistoryProperties properties() {
        return properties;
    }

    /** The newest samples taken after {@code after} (every kept one when null), at most {@code limit}, oldest first. */
    public synchronized List<MetricsSample> since(Instant after, int limit) {
        List<MetricsSample> newest = new ArrayList<>();
        Iterator<MetricsSample> descending = samples.descendingIterator();
        while (descending.hasNext() && newest.size() < limit) {
            MetricsSample sample = descending.next();
            if (after != null && !sample.at().isAfter(after)) {
                break;
            }
            newest.add(sample);
        }
        Collections.reverse(newest);
        return newest;
    }

    /** Reads the meters now and keeps the sample, dropping the oldest beyond the retention. */
    public synchronized void sampleNow() {
        long now = System.nanoTime();
        double seconds = lastReadingNanos == 0 ? 0 : (now - lastReadingNanos) / 1e9;
        lastReadingNanos = now;
        sampler.sample(Instant.now(), seconds).ifPresent(sample -> {
            samples.addLast(sample);
            while (samples.size() > properties.samples()) {
                samples.removeFirst();
            }
        });
    }

    private void sampleQuietly() {
        try {
            sampleNow();
        } catch (RuntimeException failure) {
            log.warn("The metrics history could not take a sample: {}", failure.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("metrics-history-"));
        long period = properties.interval().toMillis();
        timer.scheduleAtFixedRate(this::sampleQuietly, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Starts after the gauges it reads, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 90;
    }
}
