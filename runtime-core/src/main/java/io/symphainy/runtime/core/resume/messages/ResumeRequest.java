package io.symphainy.runtime.core.resume.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.Set;

/**
 * Asks to resume a failed or compensated execution of a tenant on an operator's behalf.
 *
 * @param roles             the operator's roles, which the tenant's policy sees as the new intent's submitter's
 * @param capabilityVersion the capability version the resumption runs; null for the resumed execution's own
 */
public record ResumeRequest(ExecutionId executionId, TenantId tenantId, UserId requestedBy, Set<String> roles,
                            String capabilityVersion) {

    public ResumeRequest {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A resumption on the resumed execution's own capability version. */
    public ResumeRequest(ExecutionId executionId, TenantId tenantId, UserId requestedBy, Set<String> roles) {
        this(executionId, tenantId, requestedBy, roles, null);
    }
}
