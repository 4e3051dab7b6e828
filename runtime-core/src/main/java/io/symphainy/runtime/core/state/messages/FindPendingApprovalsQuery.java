package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * Asks for a tenant's executions that wait for an approval decision, soonest deadline first; answered with a list
 * of {@link PendingApprovalView}.
 */
public record FindPendingApprovalsQuery(TenantId tenantId) {
}
