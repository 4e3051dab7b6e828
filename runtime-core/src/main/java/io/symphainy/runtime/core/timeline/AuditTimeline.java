package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.projection.ReadModels;
import io.symphainy.runtime.core.timeline.messages.TimelineCompleteness;
import io.symphainy.runtime.core.timeline.messages.TimelineEntryView;
import io.symphainy.runtime.core.timeline.messages.TimelineFilter;
import io.symphainy.runtime.core.timeline.messages.TimelinePage;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the audit timeline: keyset pages on the position (of the tenant, an execution or a session), exports streamed
 * row by row through a database cursor, and how complete the timeline is against the event store.
 */
@Component
public class AuditTimeline {

    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final ReadModels readModels;
    private final EventStore eventStore;
    private final TimelineWindowWalk windowWalk;

    AuditTimeline(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
                  ReadModels readModels, EventStore eventStore) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(EXPORT_FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readModels = readModels;
        this.eventStore = eventStore;
        this.windowWalk = new TimelineWindowWalk(jdbc, TimelineWindowWalk.EXAMINED);
    }

    /**
     * The entries after a position, at most {@code limit} of them. A time window's page is walked
     * ({@link TimelineWindowWalk}) unless the walk gives up or the filter names an execution or a session.
     */
    public TimelinePage page(TimelineFilter filter, long afterPosition, int limit) {
        List<TimelineEntryView> entries = windowWalk.read(filter, afterPosition, limit + 1)
                .orElseGet(() -> selected(filter, afterPosition, limit + 1));
        boolean more = entries.size() > limit;
        List<TimelineEntryView> page = more ? entries.subList(0, limit) : entries;
        return new TimelinePage(List.copyOf(page), more ? page.get(page.size() - 1).position() : null);
    }

    private List<TimelineEntryView> selected(TimelineFilter filter, long afterPosition, int rows) {
        TimelineSql sql = TimelineSql.of(filter);
        return jdbc.query(sql.select(afterPosition, rows), (row, n) -> TimelineSql.view(row), sql.arguments());
    }

    /**
     * Hands every matching entry to the sink in order, without holding them in memory: a read-only transaction
     * lets PostgreSQL serve the query from a cursor, {@value #EXPORT_FETCH_SIZE} rows at a time.
     */
    public void export(TimelineFilter filter, Consumer<TimelineEntryView> sink) {
        TimelineSql sql = TimelineSql.of(filter);
        String select = sql.select(0, null);
        RowCallbackHandler each = row -> sink.accept(TimelineSql.view(row));
        readOnly.executeWithoutResult(status -> cursor.query(select, each, sql.arguments()));
    }

    /** The position the audit timeline has reached, and whether the event store is ahead of it. */
    public TimelineCompleteness completeness() {
        long position = readModels.position(AuditTimelineProjection.PROCESSING_GROUP).orElse(-1L);
        long head = position(eventStore.createHeadToken());
        return new TimelineCompleteness(position, position < head);
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1L;
        }
        OptionalLong position = token.position();
        return position.orElse(-1L);
    }
}
