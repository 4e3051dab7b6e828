package io.symphainy.runtime.core.infrastructure;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Keeps every event of one execution in order, whichever aggregate (execution or saga) recorded it; other events
 * stay in order per aggregate. Projections that merge both aggregates into one row rely on it.
 */
class ExecutionSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof ExecutionScoped scoped) {
            return scoped.executionId().toString();
        }
        return perAggregate.getSequenceIdentifierFor(event);
    }
}
