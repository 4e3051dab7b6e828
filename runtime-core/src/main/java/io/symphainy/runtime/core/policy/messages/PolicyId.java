package io.symphainy.runtime.core.policy.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Objects;

/**
 * Identifies the policy of one tenant; every tenant has at most one, so the id is derived from the tenant.
 */
public record PolicyId(String value) {
    public PolicyId {
        Objects.requireNonNull(value, "value");
    }

    /** The policy of the given tenant. */
    public static PolicyId forTenant(TenantId tenantId) {
        return new PolicyId("policy:" + tenantId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
