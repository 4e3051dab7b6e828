package io.symphainy.runtime.core.policy.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * Asks for the latest published version of a tenant's policy; answered with an optional {@link PolicyVersionView}.
 */
public record FindCurrentPolicyQuery(TenantId tenantId) {
}
