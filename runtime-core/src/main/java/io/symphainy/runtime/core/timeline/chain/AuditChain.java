package io.symphainy.runtime.core.timeline.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a tenant's audit chain against the event store and exports evidence bundles. Every canonical encoding is
 * recomputed from the event as the store returns it now, read through {@link EventStore#readEvents(String, long)}.
 */
@Component
public class AuditChain {

    static final String MISSING = "missing";
    static final String UNLINKED = "unlinked";

    private static final int WALK_FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final EventStore eventStore;
    private final Serializer serializer;

    AuditChain(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
               EventStore eventStore, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(WALK_FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    /**
     * Recomputes every link of the tenant's chain from the event store, in chain order. The walk streams the chain
     * from a database cursor ({@value #WALK_FETCH_SIZE} rows at a time) and keeps only the previous link and the
     * first break, so a tenant's chain is never held in memory.
     */
    public ChainVerification verify(String tenantId) {
        Walk walk = new Walk();
        RowCallbackHandler each = row -> walk.next(Row.of(row));
        readOnly.executeWithoutResult(status -> cursor.query(
                "select * from audit_chain where tenant_id = ? order by position", each, tenantId));
        return new ChainVerification(walk.verified, walk.broken == null, walk.broken);
    }

    /** The state of a chain walk: how far it went, the link the next entry must start from, the first break. */
    private final class Walk {
        private long verified;
        private String previous = AuditChainRules.GENESIS;
        private ChainBreak broken;

        void next(Row row) {
            String actual;
            if (!row.previousLink().equals(previous)) {
                actual = UNLINKED;
            } else {
                String canonical = canonical(row);
                actual = canonical == null ? MISSING : AuditChainRules.link(row.previousLink(), canonical);
            }
            if (broken == null && !actual.equals(row.link())) {
                broken = new ChainBreak(row.position(), row.eventId(), row.link(), actual);
            }
            previous = row.link();
            verified++;
        }
    }

    /** The execution's chain entries with their canonical encodings read from the store, and the anchors. */
    public EvidenceBundle evidence(String tenantId, UUID executionId) {
        List<Row> rows = jdbc.query(
                "select * from audit_chain where tenant_id = ? and execution_id = ? order by position",
                (row, n) -> Row.of(row), tenantId, executionId);
        List<EvidenceEntry> entries = new ArrayList<>();
        for (Row row : rows) {
            entries.add(new EvidenceEntry(row.position(), row.eventId(), row.previousLink(), row.link(),
                    canonical(row)));
        }
        return new EvidenceBundle(tenantId, executionId.toString(), EvidenceBundle.ALGORITHM,
                rows.isEmpty() ? null : rows.get(0).previousLink(),
                rows.isEmpty() ? null : rows.get(rows.size() - 1).link(), List.copyOf(entries));
    }

    /** The canonical encoding of the row's event as the store holds it now, or null when it is not there. */
    private String canonical(Row row) {
        if (row.aggregateIdentifier() == null || row.sequenceNumber() == null) {
            return null;
        }
        DomainEventStream stream = eventStore.readEvents(row.aggregateIdentifier(), row.sequenceNumber());
        if (!stream.hasNext()) {
            return null;
        }
        DomainEventMessage<?> event = stream.next();
        if (!event.getIdentifier().equals(row.eventId())) {
            return null;
        }
        return AuditChainRules.canonical(ChainEvents.of(event, serializer));
    }

    private record Row(long position, String eventId, String aggregateIdentifier, Long sequenceNumber,
                       String previousLink, String link) {

        static Row of(java.sql.ResultSet row) throws java.sql.SQLException {
            return new Row(row.getLong("position"), row.getString("event_identifier"),
                    row.getString("aggregate_identifier"), row.getObject("sequence_number", Long.class),
                    row.getString("previous_link"), row.getString("link"));
        }
    }
}
