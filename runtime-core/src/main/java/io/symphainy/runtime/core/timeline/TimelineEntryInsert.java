package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.common.UnnestedInsert;
import io.symphainy.runtime.core.common.UnnestedInsert.Column;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts a batch of timeline entries with one statement ({@link UnnestedInsert}): the rows take their positions in
 * the batch's order, and the table's statement trigger (the span summary) runs once per batch instead of once per row.
 * An entry whose event already has a row is skipped, as each insert of a row at a time would skip it.
 */
final class TimelineEntryInsert {

    private static final UnnestedInsert INSERT = new UnnestedInsert("audit_timeline_entry", List.of(
            Column.of("event_identifier", "varchar"), Column.of("tenant_id", "varchar"),
            Column.of("session_id", "uuid"), Column.of("execution_id", "uuid"), Column.of("user_id", "varchar"),
            Column.of("intent_type", "varchar"), Column.of("capability", "varchar"),
            Column.of("event_type", "varchar"), Column.of("outcome", "varchar"), Column.of("summary", "text"),
            Column.of("step_name", "varchar"), Column.of("attempt", "int4"), Column.of("duration_millis", "int8"),
            Column.castFromText("occurred_at", "timestamptz"), Column.castFromText("payload", "jsonb")),
            "on conflict (event_identifier) do nothing");

    private TimelineEntryInsert() {
    }

    /**
     * Inserts the entries, each with the intent it carries (null when none) at the same index, in the caller's
     * transaction; answers how many rows were inserted.
     */
    static int insert(JdbcTemplate jdbc, List<TimelineEntry> entries, List<TimelineIntent> intents) {
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            TimelineEntry entry = entries.get(i);
            TimelineIntent intent = intents.get(i);
            rows.add(new Object[] {entry.event().getIdentifier(), entry.tenantId(), entry.sessionId(),
                    entry.executionId(), entry.userId(), intent == null ? null : intent.intentType(),
                    intent == null ? null : intent.capability(), entry.eventType(), entry.facts().outcome(),
                    entry.facts().summary(), entry.facts().stepName(), entry.facts().attempt(),
                    entry.facts().durationMillis(), entry.occurredAt().toInstant().toString(), entry.payload()});
        }
        return INSERT.insert(jdbc, rows);
    }
}
