package io.symphainy.runtime.core.timeline;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Inserts a batch of timeline entries with one statement: every column is sent as an array and the arrays are
 * unnested in the batch's order, so the rows take their positions in that order, the table's statement trigger
 * (the span summary) runs once per batch instead of once per row, and PostgreSQL plans and executes one statement.
 * An entry whose event already has a row is skipped, as each insert of a row at a time would skip it.
 */
final class TimelineEntryInsert implements PreparedStatementCreator {

    private static final String SQL = """
            insert into audit_timeline_entry (event_identifier, tenant_id, session_id, execution_id, user_id,
                intent_type, capability, event_type, outcome, summary, step_name, attempt, duration_millis,
                occurred_at, payload)
            select event_identifier, tenant_id, session_id, execution_id, user_id, intent_type, capability,
                event_type, outcome, summary, step_name, attempt, duration_millis, occurred_at::timestamptz,
                payload::jsonb
            from unnest(?::varchar[], ?::varchar[], ?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::integer[], ?::bigint[], ?::text[], ?::text[])
                with ordinality as batch(event_identifier, tenant_id, session_id, execution_id, user_id, intent_type,
                    capability, event_type, outcome, summary, step_name, attempt, duration_millis, occurred_at,
                    payload, ordinal)
            order by ordinal
            on conflict (event_identifier) do nothing""";

    private final List<TimelineEntry> entries;
    private final List<TimelineIntent> intents;

    /** The entries, each with the intent it carries (null when none), at the same index. */
    TimelineEntryInsert(List<TimelineEntry> entries, List<TimelineIntent> intents) {
        this.entries = entries;
        this.intents = intents;
    }

    @Override
    public PreparedStatement createPreparedStatement(Connection connection) throws SQLException {
        PreparedStatement insert = connection.prepareStatement(SQL);
        insert.setArray(1, column(connection, "varchar", entry -> entry.event().getIdentifier()));
        insert.setArray(2, column(connection, "varchar", TimelineEntry::tenantId));
        insert.setArray(3, connection.createArrayOf("uuid",
                entries.stream().map(TimelineEntry::sessionId).toArray(UUID[]::new)));
        insert.setArray(4, connection.createArrayOf("uuid",
                entries.stream().map(TimelineEntry::executionId).toArray(UUID[]::new)));
        insert.setArray(5, column(connection, "varchar", TimelineEntry::userId));
        insert.setArray(6, intentColumn(connection, TimelineIntent::intentType));
        insert.setArray(7, intentColumn(connection, TimelineIntent::capability));
        insert.setArray(8, column(connection, "varchar", TimelineEntry::eventType));
        insert.setArray(9, column(connection, "varchar", entry -> entry.facts().outcome()));
        insert.setArray(10, column(connection, "text", entry -> entry.facts().summary()));
        insert.setArray(11, column(connection, "varchar", entry -> entry.facts().stepName()));
        insert.setArray(12, connection.createArrayOf("int4",
                entries.stream().map(entry -> entry.facts().attempt()).toArray(Integer[]::new)));
        insert.setArray(13, connection.createArrayOf("int8",
                entries.stream().map(entry -> entry.facts().durationMillis()).toArray(Long[]::new)));
        insert.setArray(14, column(connection, "text", entry -> entry.occurredAt().toInstant().toString()));
        insert.setArray(15, column(connection, "text", TimelineEntry::payload));
        return insert;
    }

    private Array column(Connection connection, String type, Function<TimelineEntry, String> value)
            throws SQLException {
        return connection.createArrayOf(type, entries.stream().map(value).toArray(String[]::new));
    }

    private Array intentColumn(Connection connection, Function<TimelineIntent, String> value)
            throws SQLException {
        return connection.createArrayOf("varchar", intents.stream()
                .map(intent -> intent == null ? null : value.apply(intent)).toArray(String[]::new));
    }
}
