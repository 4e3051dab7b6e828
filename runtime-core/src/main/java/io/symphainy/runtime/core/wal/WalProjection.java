package io.symphainy.runtime.core.wal;

import io.symphainy.runtime.core.common.CommitBatches;
import io.symphainy.runtime.core.common.UnnestedInsert;
import io.symphainy.runtime.core.common.UnnestedInsert.Column;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.wal.messages.FetchSessionWalQuery;
import io.symphainy.runtime.core.wal.messages.WalPage;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The WAL view: every recorded event with its tenant, session and execution, in the order it was committed.
 *
 * <p>The processor runs one segment on one thread: positions are then handed out in commit order, and an event
 * committed late (after a later event-store index was read) is appended after what readers have seen rather than
 * slotted in below it.
 */
@Component
@ProcessingGroup(WalProjection.PROCESSING_GROUP)
public class WalProjection {

    /** The processing group, and name, of this projection's processor. */
    public static final String PROCESSING_GROUP = "wal";

    private static final String PENDING_ROWS = WalProjection.class.getName() + ".pending";
    private static final UnnestedInsert INSERT = new UnnestedInsert("wal_entry", List.of(
            Column.of("event_identifier", "varchar"), Column.of("tenant_id", "varchar"),
            Column.of("session_id", "uuid"), Column.of("execution_id", "uuid"), Column.of("aggregate_type", "varchar"),
            Column.of("aggregate_identifier", "varchar"), Column.of("sequence_number", "int8"),
            Column.of("event_type", "varchar"), Column.castFromText("occurred_at", "timestamptz"),
            Column.castFromText("payload", "jsonb"), Column.castFromText("meta_data", "jsonb")),
            "on conflict (event_identifier) do nothing");

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final WalPages pages;

    WalProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, WalPages pages) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.pages = pages;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        CommitBatches.add(PENDING_ROWS, row(payload, event), rows -> INSERT.insert(jdbc, rows));
    }

    private Object[] row(Object payload, EventMessage<?> event) {
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> d ? d : null;
        return new Object[] {
                event.getIdentifier(),
                String.valueOf(event.getMetaData().getOrDefault(MetaDataKeys.TENANT_ID, "")),
                uuidOrNull(event.getMetaData().get(MetaDataKeys.SESSION_ID)),
                uuidOrNull(event.getMetaData().get(MetaDataKeys.EXECUTION_ID)),
                domainEvent == null ? null : domainEvent.getType(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? null : domainEvent.getSequenceNumber(),
                payload.getClass().getSimpleName(),
                event.getTimestamp().toString(),
                event.serializePayload(serializer, String.class).getData(),
                event.serializeMetaData(serializer, String.class).getData()};
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from wal_entry");
    }

    @QueryHandler
    public WalPage handle(FetchSessionWalQuery query) {
        return pages.sessionPage(query);
    }

    private static UUID uuidOrNull(Object raw) {
        return raw == null ? null : UUID.fromString(raw.toString());
    }
}
