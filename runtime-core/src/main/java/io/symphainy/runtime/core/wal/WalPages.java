package io.symphainy.runtime.core.wal;

import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.wal.messages.FetchSessionWalQuery;
import io.symphainy.runtime.core.wal.messages.WalEntryView;
import io.symphainy.runtime.core.wal.messages.WalPage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads pages of the WAL view with keyset pagination on the WAL position, stable under concurrent writes: the
 * projection hands out positions in commit order, so a reader that asks after the last position it saw never misses
 * an event nor sees one twice. Live streams read through {@link #entriesAfter}.
 */
@Repository
public class WalPages {

    private static final String EXECUTION_ENTRIES_AFTER = """
            select * from wal_entry where tenant_id = ? and execution_id = ? and position > ?
            order by position limit ?""";
    private static final String SESSION_ENTRIES_AFTER = """
            select * from wal_entry where tenant_id = ? and session_id = ? and position > ?
            order by position limit ?""";

    private final JdbcTemplate jdbc;

    WalPages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    WalPage sessionPage(FetchSessionWalQuery query) {
        List<WalEntryView> entries = jdbc.query(SESSION_ENTRIES_AFTER, WalPages::entry, query.tenantId().value(),
                query.sessionId().value(), query.afterPosition(), query.limit() + 1);
        boolean more = entries.size() > query.limit();
        List<WalEntryView> page = more ? entries.subList(0, query.limit()) : entries;
        Long nextAfter = more ? page.get(page.size() - 1).position() : null;
        return new WalPage(List.copyOf(page), nextAfter);
    }

    /**
     * Up to {@code limit} events of the scope recorded after the given position, in position order.
     *
     * @param afterPosition 0 for the first recorded events
     */
    public List<WalEntryView> entriesAfter(WalScope scope, long afterPosition, int limit) {
        String sql = scope.kind() == WalScope.Kind.EXECUTION ? EXECUTION_ENTRIES_AFTER : SESSION_ENTRIES_AFTER;
        return jdbc.query(sql, WalPages::entry, scope.tenantId().value(), scope.id(), afterPosition, limit);
    }

    private static WalEntryView entry(ResultSet row, int rowNumber) throws SQLException {
        return new WalEntryView(
                row.getLong("position"),
                row.getString("event_identifier"),
                row.getString("event_type"),
                row.getString("aggregate_type"),
                row.getString("aggregate_identifier"),
                row.getObject("sequence_number", Long.class),
                JsonColumns.instant(row.getTimestamp("occurred_at")),
                row.getString("execution_id"),
                JsonColumns.readMap(row.getString("payload")),
                JsonColumns.readMap(row.getString("meta_data")));
    }
}
