package io.symphainy.runtime.core.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background task the node runs every interval on a daemon thread of its own, from the application's start to its
 * stop: a failed run is logged and the task runs again after the interval.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration interval;
    private volatile ScheduledExecutorService runs;

    /**
     * @param name     what the task is, for its thread and its log lines (e.g. {@code loss-scan})
     * @param interval the pause between the end of one run and the start of the next, and before the first
     */
    protected PeriodicTask(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One run of the task. */
    protected abstract void runOnce();

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("The {} failed; it runs again in {}", name, interval, e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named(name + "-"));
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
        runs = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = runs;
        runs = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return runs != null;
    }
}
