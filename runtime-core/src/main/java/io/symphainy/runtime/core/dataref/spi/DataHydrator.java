package io.symphainy.runtime.core.dataref.spi;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a data reference back into its content, for callers that asked for it; a realm declares one as a Spring
 * bean for the kinds of artifact it stores.
 */
public interface DataHydrator {

    /** The kinds of data reference this hydrator can read. */
    Set<String> kinds();

    /** The content of the reference when the tenant owns it and it still exists. */
    Optional<HydratedContent> hydrate(TenantId tenantId, String refId, String kind);
}
