package io.symphainy.runtime.api.security;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;

/**
 * Enforces tenant isolation where a request names a tenant itself: a {@code tenant_id} in a body or query must be
 * the credential's own tenant. Requests that name no tenant are simply scoped to the credential's tenant.
 */
public final class TenantGuard {

    private TenantGuard() {
    }

    /**
     * @param principal                the authenticated caller
     * @param tenantIdFromBodyOrQuery  the {@code tenant_id} the client sent, or null when it sent none
     * @throws ProblemException TENANT_MISMATCH when a tenant was sent and it is not the caller's
     */
    public static void requireSameTenant(RuntimePrincipal principal, String tenantIdFromBodyOrQuery) {
        if (tenantIdFromBodyOrQuery != null && !tenantIdFromBodyOrQuery.equals(principal.tenantId())) {
            throw new ProblemException(ProblemCode.TENANT_MISMATCH);
        }
    }
}
