package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.instant;
import static io.symphainy.runtime.core.common.JsonColumns.readMap;

import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.FindSessionsQuery;
import io.symphainy.runtime.core.state.messages.PageCursor;
import io.symphainy.runtime.core.state.messages.SessionListFilter;
import io.symphainy.runtime.core.state.messages.SessionSummaryPage;
import io.symphainy.runtime.core.state.messages.SessionSummaryView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Lists a tenant's sessions from the session State Surface, newest first, in keyset pages.
 */
@Repository
class SessionListing {

    private static final String COLUMNS = "s.session_id, s.user_id, s.status, s.context, s.created_at, s.updated_at,"
            + " s.closed_at, (select count(*) from session_active_execution a where a.session_id = s.session_id)"
            + " as active_executions";

    private final JdbcTemplate jdbc;

    SessionListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    SessionSummaryPage page(FindSessionsQuery query) {
        SessionListFilter filter = query.filter();
        KeysetSql sql = new KeysetSql("s.tenant_id", query.tenantId().value(), "s.created_at", "s.session_id")
                .equal("s.status", filter.status())
                .equal("s.user_id", filter.userId())
                .createdBetween(filter.createdFrom(), filter.createdTo())
                .after(query.after());
        List<SessionSummaryView> rows = jdbc.query(sql.select(COLUMNS, "session_state s", query.limit()),
                (row, n) -> summary(row), sql.arguments());
        List<SessionSummaryView> page = KeysetSql.page(rows, query.limit());
        PageCursor next = null;
        if (KeysetSql.hasMore(rows, query.limit())) {
            SessionSummaryView last = page.get(page.size() - 1);
            next = new PageCursor(last.createdAt(), last.sessionId().value());
        }
        return new SessionSummaryPage(page, next);
    }

    private static SessionSummaryView summary(ResultSet row) throws SQLException {
        return new SessionSummaryView(
                new SessionId(row.getObject("session_id", UUID.class)),
                row.getString("user_id"),
                row.getString("status"),
                readMap(row.getString("context")),
                row.getInt("active_executions"),
                instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("updated_at")),
                instant(row.getTimestamp("closed_at")));
    }
}
