package io.symphainy.runtime.core.timeline.chain;

import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;

/**
 * An event to append to its tenant's chain, with the execution it belongs to (null when none) and its position in the
 * event store (null when not known: it is then looked up by its identifier before it is chained).
 */
public record ChainAppend(String tenantId, UUID executionId, EventMessage<?> event, Long globalIndex) {
}
