package io.symphainy.runtime.core.quota;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.quota.messages.SetTenantQuotaCommand;
import io.symphainy.runtime.core.quota.messages.TenantQuotaId;
import io.symphainy.runtime.core.quota.messages.TenantQuotaSetEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The quota an administrator set for one tenant: created by its first setting, each later one replaces it. Its id is
 * derived from the tenant, so no tenant can reach another's.
 */
@Aggregate
public class TenantQuota {

    @AggregateIdentifier
    private TenantQuotaId quotaId;
    private TenantId tenantId;

    /** Axon needs a no-arg constructor to rebuild the aggregate from its events. */
    protected TenantQuota() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetTenantQuotaCommand command) {
        if (!command.quotaId().equals(TenantQuotaId.forTenant(command.tenantId()))
                || (tenantId != null && !tenantId.equals(command.tenantId()))) {
            throw new IllegalArgumentException("quota " + command.quotaId() + " is not the quota of tenant "
                    + command.tenantId());
        }
        if (!QuotaRules.violations(command.limits()).isEmpty()) {
            throw new IllegalArgumentException("invalid quota limits " + QuotaRules.violations(command.limits()));
        }
        apply(new TenantQuotaSetEvent(command.quotaId(), command.tenantId(), command.limits()));
    }

    @EventSourcingHandler
    void on(TenantQuotaSetEvent event) {
        quotaId = event.quotaId();
        tenantId = event.tenantId();
    }
}
