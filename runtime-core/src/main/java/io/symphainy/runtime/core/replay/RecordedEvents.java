package io.symphainy.runtime.core.replay;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;

/**
 * An execution's and its saga's events as the event store holds them, and both merged in one list.
 */
record RecordedEvents(
        List<DomainEventMessage<?>> execution,
        List<DomainEventMessage<?>> saga,
        List<DomainEventMessage<?>> merged) {

    static RecordedEvents of(List<DomainEventMessage<?>> execution, List<DomainEventMessage<?>> saga) {
        Set<DomainEventMessage<?>> fromSaga = Collections.newSetFromMap(new IdentityHashMap<>());
        fromSaga.addAll(saga);
        return new RecordedEvents(List.copyOf(execution), List.copyOf(saga),
                ReplayRules.merge(execution, saga, DomainEventMessage::getTimestamp,
                        event -> ReplayRules.causalRank(fromSaga.contains(event), event.getPayloadType())));
    }

    /** Whether the execution exists and belongs to the tenant. */
    boolean belongsTo(TenantId tenantId) {
        return execution.stream().map(Message::getPayload).anyMatch(payload ->
                payload instanceof IntentAcceptedEvent accepted && accepted.tenantId().equals(tenantId)
                        || payload instanceof IntentRejectedEvent rejected && rejected.tenantId().equals(tenantId));
    }

    /** The payloads of the given events. */
    static List<Object> payloads(List<DomainEventMessage<?>> events) {
        return events.stream().<Object>map(Message::getPayload).toList();
    }
}
