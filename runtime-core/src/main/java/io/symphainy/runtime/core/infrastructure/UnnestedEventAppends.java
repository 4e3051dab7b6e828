package io.symphainy.runtime.core.infrastructure;

import io.symphainy.runtime.core.common.UnnestedInsert;
import io.symphainy.runtime.core.common.UnnestedInsert.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Appends the events a unit of work recorded to the event store with one statement ({@link UnnestedInsert}) where
 * Axon's own statement is a JDBC batch of one insert per event. The rows are the ones Axon writes, column for column:
 * an event that is not an aggregate's is stored as Axon stores it (its identifier as the aggregate's, sequence 0, no
 * type), the timestamp in Axon's text format. They take their global indexes in the events' order. Axon runs the
 * statement as a batch of one, so a conflict on an aggregate's sequence fails it whole, as it fails Axon's batch.
 *
 * <p>Payloads and metadata travel as text and are stored as {@code jsonb}: the engine must serialize to
 * {@link String}.
 */
final class UnnestedEventAppends implements AppendEventsStatementBuilder {

    private final UnnestedInsert insert;

    UnnestedEventAppends(EventSchema schema) {
        this.insert = new UnnestedInsert(schema.domainEventTable(), List.of(
                Column.of(schema.eventIdentifierColumn(), "varchar"),
                Column.of(schema.aggregateIdentifierColumn(), "varchar"),
                Column.of(schema.sequenceNumberColumn(), "int8"), Column.of(schema.typeColumn(), "varchar"),
                Column.of(schema.timestampColumn(), "varchar"), Column.of(schema.payloadTypeColumn(), "varchar"),
                Column.of(schema.payloadRevisionColumn(), "varchar"),
                Column.castFromText(schema.payloadColumn(), "jsonb"),
                Column.castFromText(schema.metaDataColumn(), "jsonb")), "");
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (dataType != String.class) {
            throw new IllegalStateException("events are appended as text; the engine serializes to " + dataType);
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            rows.add(new Object[] {event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                    event.getType(), DateTimeUtils.formatInstant(event.getTimestamp()), payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(),
                    event.serializeMetaData(serializer, String.class).getData()});
        }
        PreparedStatement statement = connection.prepareStatement(insert.sql());
        insert.bind(connection, statement, rows);
        statement.addBatch();
        return statement;
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
