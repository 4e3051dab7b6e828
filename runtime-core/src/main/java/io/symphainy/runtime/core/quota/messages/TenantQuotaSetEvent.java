package io.symphainy.runtime.core.quota.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * An administrator set the tenant's quota; the last one recorded applies. Who set it is in the event's metadata.
 */
public record TenantQuotaSetEvent(
        TenantQuotaId quotaId,
        TenantId tenantId,
        QuotaLimits limits) {
}
