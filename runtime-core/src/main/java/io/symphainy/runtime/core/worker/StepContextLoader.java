package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.util.LinkedHashMap;
import java.util.Map;
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
        IntentAcceptedEvent intent = eventStore.readEvents(invocation.executionId().toString(), 0).asStream()
                .map(Message::getPayload)
                .filter(IntentAcceptedEvent.class::isInstance)
                .map(IntentAcceptedEvent.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("execution " + invocation.executionId()
                        + " has no accepted intent"));
        Map<String, StepOutputs> outputs = new LinkedHashMap<>();
        eventStore.readEvents(invocation.sagaId().toString(), 0).asStream()
                .map(Message::getPayload)
                .filter(StepSucceededEvent.class::isInstance)
                .map(StepSucceededEvent.class::cast)
                .forEach(done -> outputs.put(done.stepName(), new StepOutputs(done.references(), done.facts())));
        return new StepContext(invocation.tenantId(), invocation.sessionId(), invocation.executionId(),
                intent.intentType(), invocation.capability(), stepName, invocation.stepIndex(), invocation.attempt(),
                invocation.phase(), intent.payload(), intent.metadata(), outputs);
    }
}
