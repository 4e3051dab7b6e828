package io.symphainy.runtime.core.dataref.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * Asks the {@code data-references} projection for one reference of a tenant; answered with a
 * {@link DataReferenceView}, or nothing when the tenant has no such reference.
 */
public record FindDataReferenceQuery(TenantId tenantId, String refId) {
}
