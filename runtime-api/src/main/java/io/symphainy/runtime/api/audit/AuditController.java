package io.symphainy.runtime.api.audit;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.ExecutionReads;
import io.symphainy.runtime.api.web.QueryParameters;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.FindSessionQuery;
import io.symphainy.runtime.core.state.messages.SessionView;
import io.symphainy.runtime.core.timeline.AuditTimeline;
import io.symphainy.runtime.core.timeline.messages.TimelineCompleteness;
import io.symphainy.runtime.core.timeline.messages.TimelineFilter;
import io.symphainy.runtime.core.timeline.messages.TimelinePage;
import jakarta.validation.Valid;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit timeline over HTTP: filtered, keyset-paged or exported events for auditors, and the merged timeline of
 * an execution or a session for auditors and operators. Every answer is scoped to the caller's tenant and carries
 * how complete the timeline is.
 */
@RestController
@Validated
public class AuditController {

    private final AuditTimeline timeline;
    private final AuditExports exports;
    private final ExecutionReads executions;
    private final QueryGateway queries;

    AuditController(AuditTimeline timeline, AuditExports exports, ExecutionReads executions, QueryGateway queries) {
        this.timeline = timeline;
        this.exports = exports;
        this.executions = executions;
        this.queries = queries;
    }

    @GetMapping("/audit/events")
    @PreAuthorize("hasRole('AUDITOR')")
    public AuditEventsResponse events(RuntimePrincipal caller, @Valid AuditEventsParams params) {
        if (params.format() != null && !params.format().equals("json")) {
            throw QueryParameters.invalid("format",
                    "unknown format '" + params.format() + "'; expected one of [json, ndjson, csv]");
        }
        TimelineFilter filter = filter(caller, params);
        TimelineCompleteness completeness = timeline.completeness();
        TimelinePage page = timeline.page(filter, params.afterOrStart(), params.limitOrDefault());
        return new AuditEventsResponse(page.entries(), page.nextAfter(), completeness);
    }

    @GetMapping(path = "/audit/events", params = "format=ndjson")
    @PreAuthorize("hasRole('AUDITOR')")
    public ResponseEntity<StreamingResponseBody> ndjson(RuntimePrincipal caller, @Valid AuditEventsParams params) {
        TimelineFilter filter = filter(caller, params);
        TimelineCompleteness completeness = timeline.completeness();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AuditExports.NDJSON))
                .headers(AuditExports.completenessHeaders(completeness))
                .body(exports.ndjson(filter, completeness));
    }

    @GetMapping(path = "/audit/events", params = "format=csv")
    @PreAuthorize("hasRole('AUDITOR')")
    public ResponseEntity<StreamingResponseBody> csv(RuntimePrincipal caller, @Valid AuditEventsParams params) {
        TimelineFilter filter = filter(caller, params);
        TimelineCompleteness completeness = timeline.completeness();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AuditExports.CSV + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"audit-events.csv\"")
                .headers(AuditExports.completenessHeaders(completeness))
                .body(exports.csv(filter));
    }

    @GetMapping("/execution/{execution_id}/timeline")
    @PreAuthorize("hasAnyRole('AUDITOR', 'OPERATOR')")
    public ExecutionTimelineResponse executionTimeline(RuntimePrincipal caller,
                                                       @PathVariable("execution_id") UUID executionId,
                                                       @Valid TimelinePaging paging) {
        executions.find(caller, new ExecutionId(executionId));
        TimelineCompleteness completeness = timeline.completeness();
        TimelinePage page = timeline.page(TimelineFilter.ofExecution(RuntimeCommands.tenantOf(caller), executionId),
                paging.afterOrStart(), paging.limitOrDefault());
        return new ExecutionTimelineResponse(executionId.toString(), page.entries(), page.nextAfter(), completeness);
    }

    @GetMapping("/session/{session_id}/timeline")
    @PreAuthorize("hasAnyRole('AUDITOR', 'OPERATOR')")
    public SessionTimelineResponse sessionTimeline(RuntimePrincipal caller,
                                                   @PathVariable("session_id") UUID sessionId,
                                                   @Valid TimelinePaging paging) {
        boolean known = queries.query(new FindSessionQuery(RuntimeCommands.tenantOf(caller), new SessionId(sessionId)),
                ResponseTypes.optionalInstanceOf(SessionView.class)).join().isPresent();
        if (!known) {
            throw new ProblemException(ProblemCode.SESSION_NOT_FOUND, "session " + sessionId + " not found");
        }
        TimelineCompleteness completeness = timeline.completeness();
        TimelinePage page = timeline.page(TimelineFilter.ofSession(RuntimeCommands.tenantOf(caller), sessionId),
                paging.afterOrStart(), paging.limitOrDefault());
        return new SessionTimelineResponse(sessionId.toString(), page.entries(), page.nextAfter(), completeness);
    }

    private static TimelineFilter filter(RuntimePrincipal caller, AuditEventsParams p) {
        return new TimelineFilter(RuntimeCommands.tenantOf(caller), QueryParameters.instant("from", p.from()),
                QueryParameters.instant("to", p.to()),
                p.executionId(), p.sessionId(), p.userId(), p.intentType(), p.capability(), p.eventType(),
                p.outcome());
    }
}
