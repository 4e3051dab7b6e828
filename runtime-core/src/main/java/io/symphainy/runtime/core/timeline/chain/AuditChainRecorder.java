package io.symphainy.runtime.core.timeline.chain;

import io.symphainy.runtime.core.common.UnnestedInsert;
import io.symphainy.runtime.core.common.UnnestedInsert.Column;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends events to their tenant's hash chain in {@code audit_chain}. Called by the audit-timeline projection on its
 * single segment, so a tenant's chain order is commit order and matches the timeline's positions. Appending an
 * event that is already chained does nothing.
 *
 * <p>A batch of events is appended with a few statements: one finds the events already chained (looking up only those
 * at or below the highest position chained so far), one per tenant reads the tenant's last link, and the new links,
 * computed in order in memory (each from the link before it), are inserted with one statement. The chain is the one
 * appending the events one by one would build. Only events not yet chained are encoded and hashed, so a rebuild that
 * re-reads chained events costs one lookup per batch.
 */
@Component
public class AuditChainRecorder {

    private static final UnnestedInsert INSERT_LINKS = new UnnestedInsert("audit_chain", List.of(
            Column.of("event_identifier", "varchar"), Column.of("tenant_id", "varchar"),
            Column.of("execution_id", "uuid"), Column.of("aggregate_identifier", "varchar"),
            Column.of("sequence_number", "int8"), Column.of("previous_link", "text"), Column.of("link", "text"),
            Column.of("global_index", "int8")), "on conflict (event_identifier) do nothing");

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    AuditChainRecorder(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * Links each event, in order, to its tenant's last link and records it, unless it is chained already (or appears
     * earlier in the list), in the caller's transaction.
     */
    public void append(List<ChainAppend> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> chained = chained(events);
        Map<String, String> lastLinks = new HashMap<>();
        List<Link> links = new ArrayList<>();
        for (ChainAppend append : events) {
            if (!chained.add(append.event().getIdentifier())) {
                continue;
            }
            String previous = lastLinks.computeIfAbsent(append.tenantId(), this::lastLink);
            ChainedEvent event = ChainEvents.of(append.event(), serializer);
            String link = AuditChainRules.link(previous, AuditChainRules.canonical(event));
            lastLinks.put(append.tenantId(), link);
            links.add(new Link(append, event, previous, link));
        }
        INSERT_LINKS.insert(jdbc, links.stream().map(link -> new Object[] {
                link.append().event().getIdentifier(), link.append().tenantId(), link.append().executionId(),
                link.event().aggregateIdentifier(), link.event().sequenceNumber(), link.previous(), link.link(),
                link.append().globalIndex()}).toList());
    }

    /**
     * The identifiers of the events that are chained already. Only events at or below the highest position chained so
     * far can be (or whose position is not known): the chain is appended in processing order, so the events of a live
     * batch are above it and need no look-up.
     */
    private Set<String> chained(List<ChainAppend> events) {
        Long highest = jdbc.queryForObject("select max(global_index) from audit_chain", Long.class);
        String[] identifiers = events.stream()
                .filter(append -> highest == null || append.globalIndex() == null || append.globalIndex() <= highest)
                .map(append -> append.event().getIdentifier()).toArray(String[]::new);
        Set<String> chained = new HashSet<>();
        if (identifiers.length == 0) {
            return chained;
        }
        jdbc.query(connection -> {
            // A join on the unnested identifiers probes the unique index once per identifier; "= any(?)" made
            // PostgreSQL sort and compare the whole array first, several times slower.
            PreparedStatement select = connection.prepareStatement("""
                    select c.event_identifier from unnest(?::text[]) as batch(event_identifier)
                    join audit_chain c on c.event_identifier = batch.event_identifier""");
            select.setArray(1, connection.createArrayOf("text", identifiers));
            return select;
        }, row -> {
            chained.add(row.getString(1));
        });
        return chained;
    }

    private String lastLink(String tenantId) {
        List<String> last = jdbc.queryForList(
                "select link from audit_chain where tenant_id = ? order by position desc limit 1", String.class,
                tenantId);
        return last.isEmpty() ? AuditChainRules.GENESIS : last.get(0);
    }

    private record Link(ChainAppend append, ChainedEvent event, String previous, String link) {
    }
}
