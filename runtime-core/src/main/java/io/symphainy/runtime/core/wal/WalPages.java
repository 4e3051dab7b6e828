package io.symphainy.runtime.core.wal;

import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.wal.messages.FetchSessionWalQuery;
import io.symphainy.runtime.core.wal.messages.WalEntryView;
import io.symphainy.runtime.core.wal.messages.WalPage;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads pages of the WAL view with keyset pagination on the WAL position, stable under concurrent writes.
 */
@Repository
class WalPages {

    private final JdbcTemplate jdbc;

    WalPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    WalPage sessionPage(FetchSessionWalQuery query) {
        List<WalEntryView> entries = jdbc.query("""
                select * from wal_entry where tenant_id = ? and session_id = ? and position > ?
                order by position limit ?""",
                (row, n) -> new WalEntryView(
                        row.getLong("position"),
                        row.getString("event_identifier"),
                        row.getString("event_type"),
                        row.getString("aggregate_type"),
                        row.getString("aggregate_identifier"),
                        row.getObject("sequence_number", Long.class),
                        JsonColumns.instant(row.getTimestamp("occurred_at")),
                        row.getString("execution_id"),
                        JsonColumns.readMap(row.getString("payload")),
                        JsonColumns.readMap(row.getString("meta_data"))),
                query.tenantId().value(), query.sessionId().value(), query.afterPosition(), query.limit() + 1);
        boolean more = entries.size() > query.limit();
        List<WalEntryView> page = more ? entries.subList(0, query.limit()) : entries;
        Long nextAfter = more ? page.get(page.size() - 1).position() : null;
        return new WalPage(List.copyOf(page), nextAfter);
    }
}
