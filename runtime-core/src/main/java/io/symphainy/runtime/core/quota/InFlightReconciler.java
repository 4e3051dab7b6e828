package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.PeriodicTask;
import io.symphainy.runtime.core.common.messages.TenantId;
import org.springframework.stereotype.Component;

/**
 * Every {@link QuotaProperties#reconcileInterval()}, recounts the executions in flight of each tenant this node limits
 * from the State Surface, so that the nodes sharing a tenant's limit agree within one interval's acceptances; a tenant
 * whose limit was lifted is no longer counted. Nothing is read while no tenant has an in-flight limit.
 */
@Component
class InFlightReconciler extends PeriodicTask {

    private final InFlightCounts counts;
    private final TenantQuotas quotas;

    InFlightReconciler(InFlightCounts counts, TenantQuotas quotas, QuotaProperties properties) {
        super("quota-reconciler", properties.reconcileInterval());
        this.counts = counts;
        this.quotas = quotas;
    }

    /** Recounts every limited tenant; stops counting those whose limit was lifted. */
    @Override
    protected void runOnce() {
        for (TenantId tenant : counts.tenants()) {
            if (quotas.effective(tenant).limits().maxInFlight() == null) {
                counts.forget(tenant);
            } else {
                counts.reconcile(tenant);
            }
        }
    }
}
