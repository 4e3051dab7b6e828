package io.symphainy.runtime.core.timeline.chain;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends events to their tenant's hash chain in {@code audit_chain}. Called by the audit-timeline projection on its
 * single segment, so a tenant's chain order is commit order and matches the timeline's positions. Appending an
 * event that is already chained does nothing.
 */
@Component
public class AuditChainRecorder {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    AuditChainRecorder(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Links the event to the tenant's last link and records it, unless it is chained already. */
    public void append(String tenantId, UUID executionId, EventMessage<?> event) {
        Integer known = jdbc.queryForObject("select count(*) from audit_chain where event_identifier = ?",
                Integer.class, event.getIdentifier());
        if (known != null && known > 0) {
            return;
        }
        List<String> last = jdbc.queryForList(
                "select link from audit_chain where tenant_id = ? order by position desc limit 1", String.class,
                tenantId);
        String previous = last.isEmpty() ? AuditChainRules.GENESIS : last.get(0);
        ChainedEvent chained = ChainEvents.of(event, serializer);
        String link = AuditChainRules.link(previous, AuditChainRules.canonical(chained));
        jdbc.update("""
                insert into audit_chain (event_identifier, tenant_id, execution_id, aggregate_identifier,
                    sequence_number, previous_link, link)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (event_identifier) do nothing""",
                event.getIdentifier(), tenantId, executionId, chained.aggregateIdentifier(),
                chained.sequenceNumber(), previous, link);
    }
}
