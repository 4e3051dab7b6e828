package io.symphainy.runtime.core.quota.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Objects;

/**
 * Identifies the quota of one tenant; every tenant has at most one, so the id is derived from the tenant.
 */
public record TenantQuotaId(String value) {
    public TenantQuotaId {
        Objects.requireNonNull(value, "value");
    }

    /** The quota of the given tenant. */
    public static TenantQuotaId forTenant(TenantId tenantId) {
        return new TenantQuotaId("quota:" + tenantId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
