package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.instant;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.ExecutionListFilter;
import io.symphainy.runtime.core.state.messages.ExecutionSummaryPage;
import io.symphainy.runtime.core.state.messages.ExecutionSummaryView;
import io.symphainy.runtime.core.state.messages.FindExecutionsQuery;
import io.symphainy.runtime.core.state.messages.PageCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Lists a tenant's executions from the execution State Surface, newest first, in keyset pages.
 */
@Repository
class ExecutionListing {

    private static final String COLUMNS = "execution_id, session_id, user_id, intent_type, realm, capability,"
            + " capability_version, status, error_code, accepted_at, started_at, finished_at, updated_at";

    private final JdbcTemplate jdbc;

    ExecutionListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ExecutionSummaryPage page(FindExecutionsQuery query) {
        ExecutionListFilter filter = query.filter();
        KeysetSql sql = new KeysetSql("tenant_id", query.tenantId().value(), "accepted_at", "execution_id")
                .equal("status", filter.status() == null ? null : filter.status().wireName())
                .equal("intent_type", filter.intentType())
                .equal("capability", filter.capability())
                .equal("session_id", filter.sessionId() == null ? null : filter.sessionId().value())
                .createdBetween(filter.createdFrom(), filter.createdTo())
                .after(query.after());
        List<ExecutionSummaryView> rows = jdbc.query(sql.select(COLUMNS, "execution_state", query.limit()),
                (row, n) -> summary(row), sql.arguments());
        List<ExecutionSummaryView> page = KeysetSql.page(rows, query.limit());
        PageCursor next = null;
        if (KeysetSql.hasMore(rows, query.limit())) {
            ExecutionSummaryView last = page.get(page.size() - 1);
            next = new PageCursor(last.acceptedAt(), last.executionId().value());
        }
        return new ExecutionSummaryPage(page, next);
    }

    private static ExecutionSummaryView summary(ResultSet row) throws SQLException {
        UUID session = row.getObject("session_id", UUID.class);
        return new ExecutionSummaryView(
                new ExecutionId(row.getObject("execution_id", UUID.class)),
                session == null ? null : new SessionId(session),
                row.getString("user_id"),
                row.getString("intent_type"),
                row.getString("realm"),
                row.getString("capability"),
                row.getString("capability_version"),
                ExecutionStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)),
                row.getString("error_code"),
                instant(row.getTimestamp("accepted_at")),
                instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")),
                instant(row.getTimestamp("updated_at")));
    }
}
