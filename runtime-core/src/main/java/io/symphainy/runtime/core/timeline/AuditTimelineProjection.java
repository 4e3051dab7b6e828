package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.common.CommitBatches;
import io.symphainy.runtime.core.timeline.chain.AuditChainRecorder;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit timeline: one row per recorded event with its tenant, session, execution, user, intent type and
 * capability, outcome and a one-line summary ({@link TimelineRules}).
 *
 * <p>Like the WAL view, the processor runs one segment on one thread, so positions follow commit order and an
 * execution's intent event is always recorded before the events that follow it: each execution's intent type and
 * capability are kept in a small lookup table when its intent is accepted or rejected and copied onto every later
 * row. Inserts are keyed by the event identifier, so handling an event twice records it once. Each event is also
 * appended to its tenant's tamper-evident hash chain ({@link AuditChainRecorder}) in the same transaction.
 *
 * <p>The processor hands its events over in batches, each in one unit of work and transaction: the handler only
 * reads each event into a {@link TimelineEntry} kept with the unit of work, and the whole batch is written when the
 * unit of work prepares to commit, in event order, with a few batched statements ({@link TimelineWriter}).
 */
@Component
@ProcessingGroup(AuditTimelineProjection.PROCESSING_GROUP)
public class AuditTimelineProjection {

    /** The processing group, and name, of this projection's processor. */
    public static final String PROCESSING_GROUP = "audit-timeline";

    private static final String PENDING_ENTRIES = AuditTimelineProjection.class.getName() + ".pending";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TimelineWriter writer;

    AuditTimelineProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                            TimelineWriter writer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.writer = writer;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        CommitBatches.add(PENDING_ENTRIES, TimelineEntry.of(payload, event, serializer), writer::write);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from audit_timeline_entry");
        jdbc.update("delete from audit_timeline_span");
        jdbc.update("delete from audit_timeline_intent");
        writer.forget();
        // The chain is append-only: a rebuild re-reads events it has chained already and skips them, so it can
        // never recompute links over a store that was tampered with since.
    }
}
