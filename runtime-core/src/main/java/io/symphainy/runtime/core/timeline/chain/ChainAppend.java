package io.symphainy.runtime.core.timeline.chain;

import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;

/** An event to append to its tenant's chain, with the execution it belongs to (null when none). */
public record ChainAppend(String tenantId, UUID executionId, EventMessage<?> event) {
}
