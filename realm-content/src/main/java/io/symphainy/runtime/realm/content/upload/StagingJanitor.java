package io.symphainy.runtime.realm.content.upload;

import io.symphainy.runtime.realm.content.config.ContentProperties;
import io.symphainy.runtime.realm.content.store.StagingStore;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Purges stagings that no upload step claimed within {@code runtime.content.staging-grace}: the intent was never
 * submitted (the process died between staging and submitting), or its execution ended without running its upload
 * step (rejected or expired approval, cancellation). Runs every {@code runtime.content.staging-purge-interval};
 * several nodes may run it at once, since purging a staging twice is harmless.
 */
@Component
public class StagingJanitor implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(StagingJanitor.class);

    private final StagingStore store;
    private final ContentProperties properties;
    private final Clock clock = Clock.systemUTC();
    private volatile ScheduledExecutorService scheduler;

    StagingJanitor(StagingStore store, ContentProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Purges the stagings older than the grace period now; returns how many. */
    public int purgeExpired() {
        return store.purgeStagedBefore(clock.instant().minus(properties.stagingGrace()));
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "content-staging-janitor");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.stagingPurgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private void purgeSafely() {
        try {
            int purged = purgeExpired();
            if (purged > 0) {
                LOG.info("Purged {} staged upload(s) older than {}", purged, properties.stagingGrace());
            }
        } catch (RuntimeException failure) {
            LOG.warn("Purging staged uploads failed; trying again in {}", properties.stagingPurgeInterval(),
                    failure);
        }
    }
}
