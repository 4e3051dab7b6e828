package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.timeline.messages.TimelineEntryView;
import io.symphainy.runtime.core.timeline.messages.TimelineFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of audit timeline reads: a tenant-scoped where clause built from a {@link TimelineFilter}, and the
 * mapping of a row to its view.
 *
 * <p>A page of a time window is read one of two ways. {@link #walk} walks the tenant's positions between bounds
 * that hold every entry of the window (taken from the {@code audit_timeline_span} summary, see
 * {@link TimelineWindowWalk}) and stops at the page's last entry. {@link #select} reads the window's positions
 * first, in full, from the {@code (tenant_id, occurred_at, position)} index (a materialized CTE, so the planner cannot
 * turn it into a walk from the tenant's first position), and then only the page's rows, in position order.
 */
final class TimelineSql {

    private final StringBuilder where = new StringBuilder("tenant_id = ?");
    private final List<Object> arguments = new ArrayList<>();
    private final String tenant;
    private final boolean window;
    private final boolean scopedToExecutionOrSession;

    private TimelineSql(TimelineFilter filter) {
        tenant = filter.tenantId().value();
        window = filter.from() != null || filter.to() != null;
        scopedToExecutionOrSession = filter.executionId() != null || filter.sessionId() != null;
        arguments.add(tenant);
        add("occurred_at >= ?", filter.from() == null ? null : JsonColumns.timestamp(filter.from()));
        add("occurred_at < ?", filter.to() == null ? null : JsonColumns.timestamp(filter.to()));
        add("execution_id = ?", filter.executionId());
        add("session_id = ?", filter.sessionId());
        add("user_id = ?", filter.userId());
        add("intent_type = ?", filter.intentType());
        add("capability = ?", filter.capability());
        add("event_type = ?", filter.eventType());
        add("outcome = ?", filter.outcome());
    }

    static TimelineSql of(TimelineFilter filter) {
        return new TimelineSql(filter);
    }

    /**
     * The entries matching the filter after a position, in position order, at most {@code limit} of them (all when
     * null); the arguments are those of {@link #arguments()}.
     */
    String select(long afterPosition, Integer limit) {
        arguments.add(afterPosition);
        if (limit != null) {
            arguments.add(limit);
        }
        if (window && limit != null) {
            return "with window_positions as materialized (select position from audit_timeline_entry where " + where
                    + " and position > ?) select * from audit_timeline_entry where position in (select position "
                    + "from window_positions order by position limit ?) order by position";
        }
        String sql = "select * from audit_timeline_entry where " + where + " and position > ? order by position";
        return limit == null ? sql : sql + " limit ?";
    }

    /** Whether a page is best read by a {@link #walk}: a time window, not narrowed to an execution or a session. */
    boolean walkable() {
        return window && !scopedToExecutionOrSession;
    }

    /**
     * At most {@code limit} entries matching the filter among the first {@code examined} entries of the tenant after
     * {@code afterPosition} and up to {@code lastPosition}, in position order; the arguments are those of
     * {@link #arguments()}. The inner select is fenced ({@code offset 0}) so the filter is applied to the walked
     * entries, not planned into another index scan.
     */
    String walk(long afterPosition, long lastPosition, int examined, int limit) {
        arguments.addAll(0, List.of(tenant, afterPosition, lastPosition, examined));
        arguments.add(limit);
        return "select * from (select * from audit_timeline_entry where tenant_id = ? and position > ? "
                + "and position <= ? order by position limit ? offset 0) walked where " + where
                + " order by position limit ?";
    }

    Object[] arguments() {
        return arguments.toArray();
    }

    private void add(String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            arguments.add(value);
        }
    }

    static TimelineEntryView view(ResultSet row) throws SQLException {
        return new TimelineEntryView(
                row.getLong("position"),
                row.getString("event_identifier"),
                row.getString("tenant_id"),
                row.getString("session_id"),
                row.getString("execution_id"),
                row.getString("user_id"),
                row.getString("intent_type"),
                row.getString("capability"),
                row.getString("event_type"),
                row.getString("outcome"),
                row.getString("summary"),
                row.getString("step_name"),
                row.getObject("attempt", Integer.class),
                row.getObject("duration_millis", Long.class),
                JsonColumns.instant(row.getTimestamp("occurred_at")),
                JsonColumns.readMap(row.getString("payload")));
    }
}
