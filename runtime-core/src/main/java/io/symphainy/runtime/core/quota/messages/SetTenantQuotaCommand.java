package io.symphainy.runtime.core.quota.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets the tenant's quota: from then on these limits apply to it, whatever the configuration says.
 */
public record SetTenantQuotaCommand(
        @TargetAggregateIdentifier TenantQuotaId quotaId,
        TenantId tenantId,
        QuotaLimits limits) {
}
