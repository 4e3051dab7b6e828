package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.state.messages.PageCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SQL of a State Surface listing: the tenant's rows that meet every given condition, newest first, one
 * keyset page at a time. A page asks for one row more than it shows, to know whether another page follows.
 */
final class KeysetSql {

    private final String createdColumn;
    private final String idColumn;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> arguments = new ArrayList<>();

    /**
     * @param createdColumn the column that orders the listing, newest first
     * @param idColumn      the unique column that breaks ties
     */
    KeysetSql(String tenantColumn, String tenantId, String createdColumn, String idColumn) {
        this.createdColumn = createdColumn;
        this.idColumn = idColumn;
        where.append(tenantColumn).append(" = ?");
        arguments.add(tenantId);
    }

    /** Adds {@code column = value} unless the value is {@code null}. */
    KeysetSql equal(String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            arguments.add(value);
        }
        return this;
    }

    /** Keeps rows created at or after {@code from} and before {@code to}; either may be {@code null}. */
    KeysetSql createdBetween(Instant from, Instant to) {
        if (from != null) {
            where.append(" and ").append(createdColumn).append(" >= ?");
            arguments.add(timestamp(from));
        }
        if (to != null) {
            where.append(" and ").append(createdColumn).append(" < ?");
            arguments.add(timestamp(to));
        }
        return this;
    }

    /** Starts after the last row of the previous page, or at the newest row when {@code after} is {@code null}. */
    KeysetSql after(PageCursor after) {
        if (after != null) {
            where.append(" and (").append(createdColumn).append(", ").append(idColumn).append(") < (?, ?)");
            arguments.add(timestamp(after.createdAt()));
            arguments.add(after.id());
        }
        return this;
    }

    /** The statement selecting {@code columns} from {@code table}, one row beyond a page of {@code limit}. */
    String select(String columns, String table, int limit) {
        return "select " + columns + " from " + table + " where " + where + " order by " + createdColumn + " desc, "
                + idColumn + " desc limit " + (limit + 1);
    }

    Object[] arguments() {
        return arguments.toArray();
    }

    /** The rows of the page, without the probe row that tells whether another page follows. */
    static <T> List<T> page(List<T> rows, int limit) {
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    static boolean hasMore(List<?> rows, int limit) {
        return rows.size() > limit;
    }
}
