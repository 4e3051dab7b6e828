package io.symphainy.runtime.core.timeline;

import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.timeline.chain.AuditChainRecorder;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit timeline: one row per recorded event with its tenant, session, execution, user, intent type and
 * capability, outcome and a one-line summary ({@link TimelineRules}).
 *
 * <p>Like the WAL view, the processor runs one segment on one thread, so positions follow commit order and an
 * execution's intent event is always recorded before the events that follow it: each execution's intent type and
 * capability are kept in a small lookup table when its intent is accepted or rejected and copied onto every later
 * row. Inserts are keyed by the event identifier, so handling an event twice records it once. Each event is also
 * appended to its tenant's tamper-evident hash chain ({@link AuditChainRecorder}) in the same transaction.
 */
@Component
@ProcessingGroup(AuditTimelineProjection.PROCESSING_GROUP)
public class AuditTimelineProjection {

    /** The processing group, and name, of this projection's processor. */
    public static final String PROCESSING_GROUP = "audit-timeline";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final AuditChainRecorder chain;

    AuditTimelineProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                            AuditChainRecorder chain) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.chain = chain;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        UUID executionId = uuidOrNull(event.getMetaData().get(MetaDataKeys.EXECUTION_ID));
        if (payload instanceof IntentAcceptedEvent accepted) {
            rememberIntent(accepted.executionId().value(), accepted.intentType(), accepted.capability());
            executionId = accepted.executionId().value();
        } else if (payload instanceof IntentRejectedEvent rejected) {
            rememberIntent(rejected.executionId().value(), rejected.intentType(), null);
            executionId = rejected.executionId().value();
        }
        TimelineFacts facts = TimelineRules.describe(payload);
        Object user = event.getMetaData().get(MetaDataKeys.USER_ID);
        String tenantId = String.valueOf(event.getMetaData().getOrDefault(MetaDataKeys.TENANT_ID, ""));
        chain.append(tenantId, executionId, event);
        jdbc.update("""
                insert into audit_timeline_entry (event_identifier, tenant_id, session_id, execution_id, user_id,
                    intent_type, capability, event_type, outcome, summary, step_name, attempt, duration_millis,
                    occurred_at, payload)
                select ?, ?, ?, ?, ?, i.intent_type, i.capability, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)
                from (select 1) one left join audit_timeline_intent i on i.execution_id = ?
                on conflict (event_identifier) do nothing""",
                event.getIdentifier(),
                tenantId,
                uuidOrNull(event.getMetaData().get(MetaDataKeys.SESSION_ID)),
                executionId,
                user == null ? null : user.toString(),
                payload.getClass().getSimpleName(),
                facts.outcome(),
                facts.summary(),
                facts.stepName(),
                facts.attempt(),
                facts.durationMillis(),
                timestamp(event.getTimestamp()),
                serializer.serialize(payload, String.class).getData(),
                executionId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from audit_timeline_entry");
        jdbc.update("delete from audit_timeline_intent");
        // The chain is append-only: a rebuild re-reads events it has chained already and skips them, so it can
        // never recompute links over a store that was tampered with since.
    }

    private void rememberIntent(UUID executionId, String intentType, String capability) {
        jdbc.update("""
                insert into audit_timeline_intent (execution_id, intent_type, capability) values (?, ?, ?)
                on conflict (execution_id) do nothing""", executionId, intentType, capability);
    }

    private static UUID uuidOrNull(Object raw) {
        return raw == null ? null : UUID.fromString(raw.toString());
    }
}
