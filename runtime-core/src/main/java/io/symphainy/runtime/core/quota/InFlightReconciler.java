package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.DaemonThreads;
import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@link QuotaProperties#reconcileInterval()}, recounts the executions in flight of each tenant this node limits
 * from the State Surface, so that the nodes sharing a tenant's limit agree within one interval's acceptances; a tenant
 * whose limit was lifted is no longer counted. Nothing is read while no tenant has an in-flight limit.
 */
@Component
class InFlightReconciler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InFlightReconciler.class);

    private final InFlightCounts counts;
    private final TenantQuotas quotas;
    private final QuotaProperties properties;
    private volatile ScheduledExecutorService executor;

    InFlightReconciler(InFlightCounts counts, TenantQuotas quotas, QuotaProperties properties) {
        this.counts = counts;
        this.quotas = quotas;
        this.properties = properties;
    }

    void reconcileAll() {
        for (TenantId tenant : counts.tenants()) {
            if (quotas.effective(tenant).limits().maxInFlight() == null) {
                counts.forget(tenant);
            } else {
                counts.reconcile(tenant);
            }
        }
    }

    private void reconcileSafely() {
        try {
            reconcileAll();
        } catch (RuntimeException e) {
            log.warn("Could not recount the executions in flight of limited tenants; trying again", e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("quota-reconciler-"));
        long interval = Math.max(1, properties.reconcileInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::reconcileSafely, interval, interval, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
