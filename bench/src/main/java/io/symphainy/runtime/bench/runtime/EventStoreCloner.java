package io.symphainy.runtime.bench.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Grows the event store to a target size from the events real executions recorded, while the runtime is stopped.
 * Each round copies every original event with all UUIDs in ids, payload and metadata rewritten consistently (their
 * first two hex digits become those of {@code ff} minus the round number: identifiers made in time order stay in
 * order within a round, each round in a range of its own, as a store that grew over time holds them), the timestamp
 * moved back by
 * {@code round × span of the original history} so the rounds tile the past without overlapping, and the tenant
 * rotated over four tenants; aggregates with other ids (a tenant's Policy) are not copied. The audit-timeline rows
 * of the copied events are copied the same way, so the timeline covers the whole store without a rebuild.
 * Aggregates, sequence numbers, event types and payload shapes stay realistic; event ids and global positions are
 * new. Afterwards every tracking processor's token is moved to the new head, so that no
 * processor (and no saga) handles the copies until a projection is rebuilt on purpose.
 */
final class EventStoreCloner {

    static final List<String> TENANTS = List.of(RuntimeProcess.TENANT, "bench-tenant-2", "bench-tenant-3",
            "bench-tenant-4");
    private static final String UUID_AFTER_TWO_DIGITS =
            "[0-9a-f]{2}([0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";
    /** The most rounds: each takes a two-digit prefix of its own below {@code ff}. */
    private static final int MOST_ROUNDS = 200;
    private static final String COPY_ROUND = """
            insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                            payload_type, payload_revision, payload, meta_data)
            select regexp_replace(event_identifier, '%1$s', ?),
                   regexp_replace(aggregate_identifier, '%1$s', ?),
                   sequence_number, type,
                   to_char((time_stamp::timestamptz - ?::interval) at time zone 'UTC',
                           'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   payload_type, payload_revision,
                   replace(regexp_replace(payload::text, '%1$s', ?, 'g'), '"bench-tenant"', ?)::jsonb,
                   replace(regexp_replace(meta_data::text, '%1$s', ?, 'g'), '"bench-tenant"', ?)::jsonb
            from domain_event_entry where global_index <= ? and aggregate_identifier ~ '^[0-9a-f]{8}-[0-9a-f]{4}-'
            order by global_index""".formatted(UUID_AFTER_TWO_DIGITS);
    private static final String COPY_AUDIT_ROUND = """
            insert into audit_timeline_entry (event_identifier, tenant_id, session_id, execution_id, user_id,
                                              intent_type, capability, event_type, outcome, summary, step_name,
                                              attempt, duration_millis, occurred_at, payload)
            select regexp_replace(a.event_identifier, '%1$s', ?), ?,
                   regexp_replace(a.session_id::text, '%1$s', ?)::uuid,
                   regexp_replace(a.execution_id::text, '%1$s', ?)::uuid,
                   a.user_id, a.intent_type, a.capability, a.event_type, a.outcome, a.summary, a.step_name,
                   a.attempt, a.duration_millis, a.occurred_at - ?::interval,
                   replace(regexp_replace(a.payload::text, '%1$s', ?, 'g'), '"bench-tenant"', ?)::jsonb
            from audit_timeline_entry a
            where a.position <= ? and a.event_identifier in (
                select event_identifier from domain_event_entry
                where global_index <= ? and aggregate_identifier ~ '^[0-9a-f]{8}-[0-9a-f]{4}-')
            order by a.position""".formatted(UUID_AFTER_TWO_DIGITS);

    private EventStoreCloner() {
    }

    /**
     * Forgets the work the intake phase left in flight (saga instances, their associations and scheduled deadlines),
     * so that it does not run alongside the store measurements after the restart. Their events stay in the store.
     */
    static void abandonInFlight(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from association_value_entry");
            statement.executeUpdate("delete from saga_entry");
            statement.executeUpdate("delete from scheduled_tasks");
        }
    }

    /**
     * Copies whole rounds of the original events, and of the audit-timeline rows projected from them, until the
     * store holds at least {@code target} events; answers its size.
     */
    static long growTo(Connection connection, long target) throws SQLException {
        long originals = count(connection, "select max(global_index) from domain_event_entry");
        long spanSeconds = count(connection, """
                select ceil(extract(epoch from max(time_stamp::timestamptz) - min(time_stamp::timestamptz)))::bigint
                       + 60 from domain_event_entry""");
        long size = count(connection, "select count(*) from domain_event_entry");
        long auditOriginals = count(connection, "select coalesce(max(position), 0) from audit_timeline_entry");
        int round = 0;
        while (size < target) {
            round++;
            if (round > MOST_ROUNDS) {
                throw new IllegalStateException("the store needs more than " + MOST_ROUNDS + " rounds of copies");
            }
            String replacement = String.format("%02x", 0xff - round) + "\\1";
            String tenant = "\"" + TENANTS.get(round % TENANTS.size()) + "\"";
            try (PreparedStatement copy = connection.prepareStatement(COPY_ROUND)) {
                copy.setString(1, replacement);
                copy.setString(2, replacement);
                copy.setString(3, (round * spanSeconds) + " seconds");
                copy.setString(4, replacement);
                copy.setString(5, tenant);
                copy.setString(6, replacement);
                copy.setString(7, tenant);
                copy.setLong(8, originals);
                size += copy.executeUpdate();
            }
            try (PreparedStatement copy = connection.prepareStatement(COPY_AUDIT_ROUND)) {
                copy.setString(1, replacement);
                copy.setString(2, TENANTS.get(round % TENANTS.size()));
                copy.setString(3, replacement);
                copy.setString(4, replacement);
                copy.setString(5, (round * spanSeconds) + " seconds");
                copy.setString(6, replacement);
                copy.setString(7, tenant);
                copy.setLong(8, auditOriginals);
                copy.setLong(9, originals);
                copy.executeUpdate();
            }
            System.out.printf("  copied round %d: %d events in the store%n", round, size);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze domain_event_entry");
            statement.execute("analyze audit_timeline_entry");
        }
        fastForwardTokens(connection);
        return size;
    }

    /**
     * Moves every tracking processor's token to the head of the event store (ending a rebuild in progress), while
     * the runtime is stopped.
     */
    static void fastForwardTokens(Connection connection) throws SQLException {
        long head = count(connection, "select max(global_index) from domain_event_entry");
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("update token_entry set owner = null, token_type = "
                    + "'org.axonframework.eventhandling.GapAwareTrackingToken', token = convert_to('{\"index\":"
                    + head + ",\"gaps\":[]}', 'UTF8')");
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
