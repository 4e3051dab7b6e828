package io.symphainy.runtime.core.state;

import static io.symphainy.runtime.core.common.JsonColumns.instant;
import static io.symphainy.runtime.core.common.JsonColumns.readMap;
import static io.symphainy.runtime.core.common.JsonColumns.timestamp;
import static io.symphainy.runtime.core.common.JsonColumns.write;

import io.symphainy.runtime.core.common.BatchedStatements;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.session.messages.ExecutionAttachedToSessionEvent;
import io.symphainy.runtime.core.session.messages.ExecutionDetachedFromSessionEvent;
import io.symphainy.runtime.core.session.messages.SessionClosedEvent;
import io.symphainy.runtime.core.session.messages.SessionContextUpdatedEvent;
import io.symphainy.runtime.core.session.messages.SessionCreatedEvent;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.ActiveExecutionView;
import io.symphainy.runtime.core.state.messages.FindSessionQuery;
import io.symphainy.runtime.core.state.messages.FindSessionsQuery;
import io.symphainy.runtime.core.state.messages.SessionSummaryPage;
import io.symphainy.runtime.core.state.messages.SessionView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The State Surface of sessions: each session's context and status, and the executions active in it.
 */
@Component
@ProcessingGroup(SessionStateProjection.PROCESSING_GROUP)
public class SessionStateProjection {

    /** The processing group, and name, of this projection's processor. */
    public static final String PROCESSING_GROUP = "session-state";

    private final JdbcTemplate jdbc;
    private final SessionListing listing;

    SessionStateProjection(JdbcTemplate jdbc, SessionListing listing) {
        this.jdbc = jdbc;
        this.listing = listing;
    }

    @EventHandler
    void on(SessionCreatedEvent event, @Timestamp Instant at) {
        batched(event.sessionId(), """
                insert into session_state (session_id, tenant_id, user_id, status, context, created_at, updated_at)
                values (?, ?, ?, 'open', ?, ?, ?) on conflict (session_id) do nothing""",
                event.sessionId().value(), event.tenantId().value(), event.userId().value(), write(event.context()),
                timestamp(at), timestamp(at));
    }

    @EventHandler
    void on(SessionContextUpdatedEvent event, @Timestamp Instant at) {
        batched(event.sessionId(), "update session_state set context = ?, updated_at = ? where session_id = ?",
                write(event.context()), timestamp(at), event.sessionId().value());
    }

    @EventHandler
    void on(SessionClosedEvent event, @Timestamp Instant at) {
        batched(event.sessionId(),
                "update session_state set status = 'closed', closed_at = ?, updated_at = ? where session_id = ?",
                timestamp(at), timestamp(at), event.sessionId().value());
    }

    /** An accepted execution is active in its session until it ends. */
    @EventHandler
    void on(IntentAcceptedEvent event, @Timestamp Instant at) {
        active(event.sessionId(), event.executionId(), at);
    }

    @EventHandler
    void on(ExecutionCompletedEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String sessionId) {
        ended(sessionId, event.executionId());
    }

    @EventHandler
    void on(ExecutionFailedEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String sessionId) {
        ended(sessionId, event.executionId());
    }

    @EventHandler
    void on(ExecutionCompensatedEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String sessionId) {
        ended(sessionId, event.executionId());
    }

    @EventHandler
    void on(ExecutionCancelledEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String sessionId) {
        ended(sessionId, event.executionId());
    }

    @EventHandler
    void on(ExecutionRejectedByApproverEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String sessionId) {
        ended(sessionId, event.executionId());
    }

    @EventHandler
    void on(ExecutionExpiredEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String sessionId) {
        ended(sessionId, event.executionId());
    }

    /** Recorded by sessions before their executions' own events said when they were active. */
    @EventHandler
    void on(ExecutionAttachedToSessionEvent event, @Timestamp Instant at) {
        active(event.sessionId(), event.executionId(), at);
    }

    /** Recorded by sessions before their executions' own events said when they ended. */
    @EventHandler
    void on(ExecutionDetachedFromSessionEvent event) {
        inactive(event.sessionId(), event.executionId());
    }

    /** An execution event's session comes from its metadata; events recorded without one change nothing here. */
    private void ended(String sessionId, ExecutionId executionId) {
        if (sessionId != null) {
            inactive(SessionId.of(sessionId), executionId);
        }
    }

    private void active(SessionId sessionId, ExecutionId executionId, Instant since) {
        batched(sessionId, """
                insert into session_active_execution (session_id, execution_id, attached_at) values (?, ?, ?)
                on conflict do nothing""", sessionId.value(), executionId.value(), timestamp(since));
    }

    private void inactive(SessionId sessionId, ExecutionId executionId) {
        batched(sessionId, "delete from session_active_execution where session_id = ? and execution_id = ?",
                sessionId.value(), executionId.value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from session_active_execution");
        jdbc.update("delete from session_state");
    }

    @QueryHandler
    public Optional<SessionView> handle(FindSessionQuery query) {
        return jdbc.query("select * from session_state where session_id = ? and tenant_id = ?",
                (row, n) -> new SessionView(
                        new SessionId(row.getObject("session_id", UUID.class)),
                        new TenantId(row.getString("tenant_id")),
                        row.getString("user_id"),
                        row.getString("status"),
                        readMap(row.getString("context")),
                        instant(row.getTimestamp("created_at")),
                        instant(row.getTimestamp("updated_at")),
                        instant(row.getTimestamp("closed_at")),
                        activeExecutions(query.sessionId())),
                query.sessionId().value(), query.tenantId().value()).stream().findFirst();
    }

    @QueryHandler
    public SessionSummaryPage handle(FindSessionsQuery query) {
        return listing.page(query);
    }

    private List<ActiveExecutionView> activeExecutions(SessionId sessionId) {
        return jdbc.query("""
                select execution_id, attached_at from session_active_execution where session_id = ?
                order by attached_at, execution_id""",
                (row, n) -> {
                    ExecutionId executionId = new ExecutionId(row.getObject("execution_id", UUID.class));
                    return new ActiveExecutionView(executionId, SagaId.forExecution(executionId).toString(),
                            instant(row.getTimestamp("attached_at")));
                }, sessionId.value());
    }

    /** A write of the session's rows, run with the others of the processor's batch ({@link BatchedStatements}). */
    private void batched(SessionId sessionId, String sql, Object... arguments) {
        BatchedStatements.add(jdbc, sessionId, sql, arguments);
    }
}
