package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.spi.StepContext;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a step's context from the event store: the accepted intent and what earlier steps recorded. A step sees
 * only what the runtime recorded.
 */
@Component
public class StepContextLoader {

    private final EventStore eventStore;

    public StepContextLoader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The context of the given attempt of the named step. */
    public StepContext load(StepInvocation invocation, String stepName) {
        return StepContexts.fromEvents(payloads(invocation.executionId().toString()),
                payloads(invocation.sagaId().toString()), invocation, stepName);
    }

    private List<Object> payloads(String aggregateIdentifier) {
        return eventStore.readEvents(aggregateIdentifier, 0).asStream().<Object>map(Message::getPayload).toList();
    }
}
