package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.concurrent.FutureTask;

/**
 * A step attempt as the worker's queue holds it: cancellable work that names its tenant, so that the queue serves
 * tenants in turn ({@link TenantRoundRobinQueue}).
 */
final class TenantTask extends FutureTask<Void> {

    private final TenantId tenant;

    TenantTask(TenantId tenant, Runnable work) {
        super(work, null);
        this.tenant = tenant;
    }

    /** The tenant of a task the worker's queue holds; {@code null} for anything else. */
    static TenantId tenantOf(Runnable task) {
        return task instanceof TenantTask tenantTask ? tenantTask.tenant : null;
    }
}
