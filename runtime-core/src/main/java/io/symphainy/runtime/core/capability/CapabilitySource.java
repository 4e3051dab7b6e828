package io.symphainy.runtime.core.capability;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import java.util.List;

/**
 * Supplies capability definitions the runtime derives from other declarations (agents), for the Curator to check
 * and register beside the declared ones.
 */
public interface CapabilitySource {

    /** The definitions this source derives. */
    List<CapabilityDefinition> capabilities();
}
