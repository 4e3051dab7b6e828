package io.symphainy.runtime.core.policy.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * Asks for one published version of a tenant's policy; answered with an optional {@link PolicyVersionView}.
 */
public record FindPolicyVersionQuery(TenantId tenantId, int version) {
}
