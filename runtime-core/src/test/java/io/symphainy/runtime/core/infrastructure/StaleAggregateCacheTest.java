package io.symphainy.runtime.core.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.session.messages.SessionContextUpdatedEvent;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.session.messages.UpdateSessionContextCommand;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.RuntimeDriver;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A cached aggregate that another node changed meanwhile: the command appended from the stale copy collides with
 * the other node's event, is rolled back and retried on a fresh load, so no change is lost or applied twice.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class StaleAggregateCacheTest {

    private final TenantId tenant = new TenantId("tenant-stale-cache");
    private final UserId user = new UserId("casey");

    @Autowired
    RuntimeDriver runtime;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier(AggregateCacheConfiguration.SESSION_CACHE)
    Cache sessions;

    @Test
    void retriesACommandOnAStaleCachedAggregateFromItsLatestEvents() {
        SessionId session = runtime.openSession(tenant, user);
        update(session, Map.of("first", 1));
        assertThat(sessions.containsKey(session.toString())).isTrue();

        appendAsAnotherNode(session, Map.of("second", 2));
        update(session, Map.of("third", 3));

        List<? extends DomainEventMessage<?>> events = history(session);
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
        SessionContextUpdatedEvent last = (SessionContextUpdatedEvent) events.get(3).getPayload();
        assertThat(last.context()).containsOnly(Map.entry("first", 1), Map.entry("second", 2),
                Map.entry("third", 3));
    }

    private void update(SessionId session, Map<String, Object> changes) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new UpdateSessionContextCommand(session, tenant,
                changes)).withMetaData(CallerMetaData.of(tenant, user, session)));
    }

    /** What a second node does: append the session's next event without going through this node's cache. */
    private void appendAsAnotherNode(SessionId session, Map<String, Object> changes) {
        DomainEventMessage<?> latest = history(session).get(history(session).size() - 1);
        SessionContextUpdatedEvent previous = (SessionContextUpdatedEvent) latest.getPayload();
        Map<String, Object> context = new LinkedHashMap<>(previous.context());
        context.putAll(changes);
        eventStore.publish(new GenericDomainEventMessage<>(latest.getType(), session.toString(),
                latest.getSequenceNumber() + 1, new SessionContextUpdatedEvent(session, tenant, changes, context),
                latest.getMetaData()));
    }

    private List<? extends DomainEventMessage<?>> history(SessionId session) {
        return eventStore.readEvents(session.toString()).asStream().toList();
    }
}
