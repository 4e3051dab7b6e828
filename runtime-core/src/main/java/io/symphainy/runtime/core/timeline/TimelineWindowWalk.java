package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.timeline.messages.TimelineEntryView;
import io.symphainy.runtime.core.timeline.messages.TimelineFilter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a page of a time window by walking the tenant's positions, so its cost follows the page, not the window.
 *
 * <p>{@code audit_timeline_span} holds, for each tenant and 10-second span of occurred_at, the lowest and the highest
 * position of its entries (a trigger keeps it as entries are inserted). Every entry of the window lies between the
 * lowest first position and the highest last position of the window's spans, so the walk starts at the first and
 * stops at the last, or as soon as the page is full. Entries recorded roughly in occurred_at order (as the runtime
 * records them) put the window's entries next to each other, and the walk reads little more than the page. Where
 * they are scattered, the walk gives up after {@code examined} entries without a full page and the caller reads the
 * window's positions in full instead.
 */
final class TimelineWindowWalk {

    /** The entries a walk reads at most before it gives up. */
    static final int EXAMINED = 10_000;

    private static final long SPAN_SECONDS = 10;

    private final JdbcTemplate jdbc;
    private final int examined;

    TimelineWindowWalk(JdbcTemplate jdbc, int examined) {
        this.jdbc = jdbc;
        this.examined = examined;
    }

    /**
     * At most {@code rows} entries matching the filter after {@code afterPosition}, in position order; nothing when
     * the page is not a walk's to read (no time window, or one narrowed to an execution or a session, which have
     * indexes of their own) or the walk gave up.
     */
    Optional<List<TimelineEntryView>> read(TimelineFilter filter, long afterPosition, int rows) {
        TimelineSql sql = TimelineSql.of(filter);
        if (!sql.walkable()) {
            return Optional.empty();
        }
        Long[] bounds = jdbc.queryForObject("select min(first_position), max(last_position) from "
                        + "audit_timeline_span where tenant_id = ? and span >= ? and span <= ?",
                (row, n) -> new Long[] {row.getObject(1, Long.class), row.getObject(2, Long.class)},
                filter.tenantId().value(), firstSpan(filter.from()), lastSpan(filter.to()));
        if (bounds[0] == null || bounds[1] <= afterPosition) {
            return Optional.of(List.of());
        }
        long walkAfter = Math.max(afterPosition, bounds[0] - 1);
        List<TimelineEntryView> entries = jdbc.query(sql.walk(walkAfter, bounds[1], examined, rows),
                (row, n) -> TimelineSql.view(row), sql.arguments());
        if (entries.size() < rows && walkedAll(filter, walkAfter, bounds[1])) {
            return Optional.empty();
        }
        return Optional.of(entries);
    }

    /** Whether the walk read as many entries as it may: then it stopped before the last bound. */
    private boolean walkedAll(TimelineFilter filter, long walkAfter, long lastPosition) {
        Integer walked = jdbc.queryForObject("select count(*) from (select 1 from audit_timeline_entry "
                        + "where tenant_id = ? and position > ? and position <= ? order by position limit ?) walked",
                Integer.class, filter.tenantId().value(), walkAfter, lastPosition, examined);
        return walked != null && walked >= examined;
    }

    private static long firstSpan(Instant from) {
        return from == null ? Long.MIN_VALUE : Math.floorDiv(from.getEpochSecond(), SPAN_SECONDS);
    }

    /** The span of the window's last instant: {@code to} is exclusive. */
    private static long lastSpan(Instant to) {
        return to == null ? Long.MAX_VALUE : Math.floorDiv(to.minusNanos(1).getEpochSecond(), SPAN_SECONDS);
    }
}
