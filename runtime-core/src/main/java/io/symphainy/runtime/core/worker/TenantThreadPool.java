package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.quota.TenantShares;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The step worker's threads: a fixed pool whose waiting attempts are served tenant by tenant in turn
 * ({@link TenantRoundRobinQueue}), each tenant running on at most its share of the threads while another tenant has
 * had an attempt to run within the contention window ({@link TenantShares}); a tenant alone runs on all of them. Every
 * thread is started up front, so every attempt goes through the queue and is counted against its tenant's share until
 * it has run.
 */
final class TenantThreadPool extends ThreadPoolExecutor {

    private final TenantRoundRobinQueue<Runnable> waiting;

    /**
     * @param threads       threads running attempts
     * @param queueCapacity attempts waiting for a thread before new ones are refused
     * @param maxShare      the share of the threads one tenant may run on while another has attempts to run
     */
    static TenantThreadPool start(int threads, int queueCapacity, double maxShare) {
        TenantThreadPool pool = new TenantThreadPool(threads, new TenantRoundRobinQueue<>(queueCapacity,
                TenantTask::tenantOf, TenantShares.contended(threads, maxShare)));
        pool.prestartAllCoreThreads();
        return pool;
    }

    private TenantThreadPool(int threads, TenantRoundRobinQueue<Runnable> waiting) {
        super(threads, threads, 60, TimeUnit.SECONDS, waiting, new CustomizableThreadFactory("step-worker-"));
        this.waiting = waiting;
    }

    /** Attempts waiting for a thread. */
    int waiting() {
        return waiting.size();
    }

    /** The tenant's attempts waiting for a thread. */
    int waitingOf(TenantId tenant) {
        return waiting.sizeOf(tenant);
    }

    /** Tenants with attempts waiting for a thread. */
    int waitingTenants() {
        return waiting.tenants();
    }

    @Override
    protected void afterExecute(Runnable attempt, Throwable failure) {
        waiting.finished(attempt);
    }
}
