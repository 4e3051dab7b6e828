package io.symphainy.runtime.core.session;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.infrastructure.AggregateCacheConfiguration;
import io.symphainy.runtime.core.session.messages.CloseSessionCommand;
import io.symphainy.runtime.core.session.messages.CreateSessionCommand;
import io.symphainy.runtime.core.session.messages.SessionClosedEvent;
import io.symphainy.runtime.core.session.messages.SessionContextUpdatedEvent;
import io.symphainy.runtime.core.session.messages.SessionCreatedEvent;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.session.messages.UpdateSessionContextCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tenant's conversation context: it owns its context and accepts intents while open. Which of its executions are
 * active is read from the executions' own events (the State Surface's sessions): the session records no event for
 * them. Streams recorded before that may hold {@code ExecutionAttachedToSessionEvent}s and
 * {@code ExecutionDetachedFromSessionEvent}s, which change nothing here.
 */
@Aggregate(snapshotTriggerDefinition = SessionSnapshotConfiguration.SESSION_SNAPSHOT_TRIGGER,
        cache = AggregateCacheConfiguration.SESSION_CACHE)
public class Session {

    @AggregateIdentifier
    private SessionId sessionId;
    private TenantId tenantId;
    private Map<String, Object> context;
    private boolean closed;

    /** Axon needs a no-arg constructor to rebuild the aggregate from its events. */
    protected Session() {
    }

    @CommandHandler
    public Session(CreateSessionCommand command) {
        Map<String, Object> initialContext = command.context() == null ? Map.of() : command.context();
        apply(new SessionCreatedEvent(command.sessionId(), command.tenantId(), command.userId(),
                SessionRules.merge(Map.of(), initialContext)));
    }

    @CommandHandler
    public void handle(UpdateSessionContextCommand command) {
        SessionRules.requireSameTenant(tenantId, command.tenantId(), sessionId);
        SessionRules.requireOpen(closed, sessionId);
        apply(new SessionContextUpdatedEvent(sessionId, tenantId, command.changes(),
                SessionRules.merge(context, command.changes())));
    }

    @CommandHandler
    public void handle(CloseSessionCommand command) {
        SessionRules.requireSameTenant(tenantId, command.tenantId(), sessionId);
        if (!closed) {
            apply(new SessionClosedEvent(sessionId, tenantId));
        }
    }

    /** Whether the session takes a new intent from the given tenant; the intake asks before accepting one. */
    public SessionAdmission admit(TenantId caller) {
        if (!tenantId.equals(caller)) {
            return SessionAdmission.NOT_FOUND;
        }
        return closed ? SessionAdmission.CLOSED : SessionAdmission.OPEN;
    }

    @EventSourcingHandler
    void on(SessionCreatedEvent event) {
        sessionId = event.sessionId();
        tenantId = event.tenantId();
        context = new LinkedHashMap<>(event.context());
    }

    @EventSourcingHandler
    void on(SessionContextUpdatedEvent event) {
        context = new LinkedHashMap<>(event.context());
    }

    @EventSourcingHandler
    void on(SessionClosedEvent event) {
        closed = true;
    }

}
