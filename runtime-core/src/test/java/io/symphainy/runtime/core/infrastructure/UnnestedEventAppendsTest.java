package io.symphainy.runtime.core.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store's appends with one statement, on PostgreSQL: the rows Axon's own batch writes, in the events' order,
 * read back by the engine, and a conflict on an aggregate's sequence failing the whole append.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class UnnestedEventAppendsTest {

    private static final String COMPARED = """
            select sequence_number, type, time_stamp, payload_type, payload_revision, payload::text, meta_data::text
            from domain_event_entry where aggregate_identifier = ? order by global_index""";

    private static final Instant AT = Instant.parse("2026-05-04T03:02:01.123Z");

    /** A payload the event serializer writes as JSON. */
    record Probed(String name, int count) {
    }

    @Autowired
    EventStorageEngine storage;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void theRowsAreTheOnesAxonsOwnStatementWritesInTheEventsOrder() throws Exception {
        String ours = UUID.randomUUID().toString();
        String axons = UUID.randomUUID().toString();

        storage.appendEvents(eventsOf(ours));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement batch = JdbcEventStorageEngineStatements.appendEvents(connection,
                     AxonStorageConfiguration.eventSchema(), String.class, eventsOf(axons), serializer,
                     (statement, index, instant) -> statement.setString(index, DateTimeUtils.formatInstant(instant)))) {
            batch.executeBatch();
        }

        List<Map<String, Object>> written = jdbc.queryForList(COMPARED, ours);
        assertThat(written).hasSize(3).isEqualTo(jdbc.queryForList(COMPARED, axons));
        assertThat(written).extracting(row -> row.get("sequence_number")).containsExactly(0L, 1L, 2L);
        List<Object> payloads = storage.readEvents(ours).asStream().map(event -> (Object) event.getPayload()).toList();
        MetaData second = storage.readEvents(ours, 1).next().getMetaData();
        assertThat(payloads).containsExactly(new Probed("first", 1), new Probed("second", 2), new Probed("third", 3));
        assertThat(second).containsEntry("tenant_id", "tenant-appends");
    }

    @Test
    void anEventOfNoAggregateIsStoredUnderItsOwnIdentifierAsAxonStoresIt() {
        EventMessage<Probed> plain = GenericEventMessage.asEventMessage(new Probed("plain", 0));

        storage.appendEvents(List.of(plain));

        assertThat(jdbc.queryForMap("select aggregate_identifier, sequence_number, type from domain_event_entry "
                + "where event_identifier = ?", plain.getIdentifier()))
                .containsEntry("aggregate_identifier", plain.getIdentifier()).containsEntry("sequence_number", 0L)
                .containsEntry("type", null);
    }

    @Test
    void aConflictOnAnAggregatesSequenceFailsTheWholeAppend() {
        String aggregate = UUID.randomUUID().toString();
        storage.appendEvents(List.of(event(aggregate, 0, "first")));

        assertThatThrownBy(() -> storage.appendEvents(List.of(event(aggregate, 1, "second"),
                event(aggregate, 0, "again")))).isInstanceOf(ConcurrencyException.class);

        assertThat(jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregate)).containsExactly(0L);
    }

    private static List<DomainEventMessage<Probed>> eventsOf(String aggregate) {
        return List.of(event(aggregate, 0, "first"), event(aggregate, 1, "second"), event(aggregate, 2, "third"));
    }

    private static DomainEventMessage<Probed> event(String aggregate, long sequence, String name) {
        return new GenericDomainEventMessage<>("Probe", aggregate, sequence, new Probed(name, (int) sequence + 1),
                MetaData.with("tenant_id", "tenant-appends"), UUID.randomUUID().toString(), AT.plusMillis(sequence));
    }
}
