package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.timeline.chain.AuditChainRecorder;
import io.symphainy.runtime.core.timeline.chain.ChainAppend;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of timeline entries, in event order, with a few statements whatever its size: the events are
 * appended to their tenants' hash chains ({@link AuditChainRecorder}), the intents they record are kept in
 * {@code audit_timeline_intent}, and their rows are inserted with the intent type and capability of their execution.
 *
 * <p>The result is the one of handling the events one by one: an execution's intent is the first ever recorded for
 * it (an existing row of {@code audit_timeline_intent} wins), an entry carries the intent recorded by its own or an
 * earlier event, and an event whose row exists already is not recorded again.
 */
@Component
class TimelineWriter {

    private static final String INSERT_INTENT = """
            insert into audit_timeline_intent (execution_id, intent_type, capability) values (?, ?, ?)
            on conflict (execution_id) do nothing""";

    /** Intents recently read or recorded, by execution: most events are of an execution seen moments before. */
    static final int REMEMBERED_INTENTS = 20_000;

    private final JdbcTemplate jdbc;
    private final AuditChainRecorder chain;
    private final Map<UUID, TimelineIntent> remembered = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, TimelineIntent> eldest) {
                    return size() > REMEMBERED_INTENTS;
                }
            });

    TimelineWriter(JdbcTemplate jdbc, AuditChainRecorder chain) {
        this.jdbc = jdbc;
        this.chain = chain;
    }

    /** Chains and records the entries, in their order, in the caller's transaction. */
    void write(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        chain.append(entries.stream()
                .map(entry -> new ChainAppend(entry.tenantId(), entry.executionId(), entry.event(),
                        entry.globalIndex())).toList());
        Map<UUID, TimelineIntent> intents = recordedIntents(entries);
        Map<UUID, TimelineIntent> recorded = new HashMap<>();
        List<TimelineIntent> carried = new ArrayList<>(entries.size());
        for (TimelineEntry entry : entries) {
            if (entry.records() != null && !intents.containsKey(entry.executionId())) {
                intents.put(entry.executionId(), entry.records());
                recorded.put(entry.executionId(), entry.records());
            }
            carried.add(entry.executionId() == null ? null : intents.get(entry.executionId()));
        }
        insertIntents(recorded);
        insertEntries(entries, carried);
        rememberOnceCommitted(intents);
    }

    /** Forgets every intent remembered: the table they were read from was cleared. */
    void forget() {
        remembered.clear();
    }

    /** The intents already recorded for the executions of the entries: remembered, else read. */
    private Map<UUID, TimelineIntent> recordedIntents(List<TimelineEntry> entries) {
        Map<UUID, TimelineIntent> intents = new HashMap<>();
        Set<UUID> unknown = new LinkedHashSet<>();
        entries.forEach(entry -> {
            if (entry.executionId() != null && !intents.containsKey(entry.executionId())) {
                TimelineIntent known = remembered.get(entry.executionId());
                if (known != null) {
                    intents.put(entry.executionId(), known);
                } else {
                    unknown.add(entry.executionId());
                }
            }
        });
        if (unknown.isEmpty()) {
            return intents;
        }
        jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement("""
                    select i.* from unnest(?::uuid[]) as batch(execution_id)
                    join audit_timeline_intent i on i.execution_id = batch.execution_id""");
            select.setArray(1, connection.createArrayOf("uuid", unknown.toArray()));
            return select;
        }, row -> {
            intents.put(row.getObject("execution_id", UUID.class),
                    new TimelineIntent(row.getString("intent_type"), row.getString("capability")));
        });
        return intents;
    }

    /** What the table holds once this batch committed (nothing is remembered from a batch rolled back). */
    private void rememberOnceCommitted(Map<UUID, TimelineIntent> intents) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(committed -> remembered.putAll(intents));
        } else {
            remembered.putAll(intents);
        }
    }

    private void insertIntents(Map<UUID, TimelineIntent> recorded) {
        if (recorded.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, TimelineIntent>> rows = List.copyOf(recorded.entrySet());
        jdbc.batchUpdate(INSERT_INTENT, rows, rows.size(), (insert, row) -> {
            insert.setObject(1, row.getKey());
            insert.setString(2, row.getValue().intentType());
            insert.setString(3, row.getValue().capability());
        });
    }

    private void insertEntries(List<TimelineEntry> entries, List<TimelineIntent> carried) {
        TimelineEntryInsert.insert(jdbc, entries, carried);
    }
}
