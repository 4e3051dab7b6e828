package io.symphainy.runtime.core.dataref.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * Asks for the lineage of a tenant's reference: the reference first, then every reference it was produced from,
 * breadth first, back to the original uploads; answered with a {@link ProvenanceView}.
 */
public record FindProvenanceQuery(TenantId tenantId, String refId) {
}
