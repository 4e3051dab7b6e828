package io.symphainy.runtime.api.session;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.security.TenantGuard;
import io.symphainy.runtime.api.web.RecentWrites;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.session.messages.CloseSessionCommand;
import io.symphainy.runtime.core.session.messages.CreateSessionCommand;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.session.messages.UpdateSessionContextCommand;
import io.symphainy.runtime.core.state.messages.FindSessionQuery;
import io.symphainy.runtime.core.state.messages.SessionView;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions: the tenant-scoped context every intent needs.
 */
@RestController
public class SessionController {

    private final RuntimeCommands commands;
    private final QueryGateway queries;
    private final RecentWrites recentWrites;

    SessionController(RuntimeCommands commands, QueryGateway queries, RecentWrites recentWrites) {
        this.commands = commands;
        this.queries = queries;
        this.recentWrites = recentWrites;
    }

    @PostMapping("/session/create")
    @PreAuthorize("hasRole('SUBMITTER')")
    public ResponseEntity<SessionResponse> create(RuntimePrincipal caller,
                                                  @Valid @RequestBody CreateSessionRequest request) {
        TenantGuard.requireSameTenant(caller, request.tenantId());
        SessionId sessionId = SessionId.random();
        UserId user = new UserId(request.userId() == null ? caller.userId() : request.userId());
        Map<String, Object> context = request.context() == null ? Map.of() : request.context();
        commands.send(caller, sessionId, new CreateSessionCommand(sessionId, RuntimeCommands.tenantOf(caller), user,
                context));
        recentWrites.acknowledged(caller.tenantId(), sessionId);
        // The session is committed; should the State Surface lag past the read-your-writes wait, answer from what
        // was recorded rather than fail.
        SessionResponse created = find(caller, sessionId).map(SessionResponse::of)
                .orElseGet(() -> new SessionResponse(sessionId.toString(), caller.tenantId(), user.value(), "open",
                        Instant.now(), null, context, List.of()));
        return ResponseEntity.created(URI.create("/session/" + sessionId)).body(created);
    }

    @GetMapping("/session/{session_id}")
    @PreAuthorize("isAuthenticated()")
    public SessionResponse get(RuntimePrincipal caller, @PathVariable("session_id") UUID sessionId) {
        return find(caller, new SessionId(sessionId)).map(SessionResponse::of).orElseThrow(() -> notFound(sessionId));
    }

    @PatchMapping("/session/{session_id}")
    @PreAuthorize("hasRole('SUBMITTER')")
    public ResponseEntity<Void> updateContext(RuntimePrincipal caller, @PathVariable("session_id") UUID sessionId,
                                              @Valid @RequestBody UpdateSessionContextRequest request) {
        TenantGuard.requireSameTenant(caller, request.tenantId());
        SessionId id = new SessionId(sessionId);
        commands.sendToExisting(caller, id, new UpdateSessionContextCommand(id, RuntimeCommands.tenantOf(caller),
                request.context()), ProblemCode.SESSION_NOT_FOUND, notFound(sessionId).detail());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/session/{session_id}/close")
    @PreAuthorize("hasRole('SUBMITTER')")
    public ResponseEntity<Void> close(RuntimePrincipal caller, @PathVariable("session_id") UUID sessionId) {
        SessionId id = new SessionId(sessionId);
        commands.sendToExisting(caller, id, new CloseSessionCommand(id, RuntimeCommands.tenantOf(caller)),
                ProblemCode.SESSION_NOT_FOUND, notFound(sessionId).detail());
        return ResponseEntity.noContent().build();
    }

    private Optional<SessionView> find(RuntimePrincipal caller, SessionId sessionId) {
        return recentWrites.read(caller.tenantId(), sessionId, () -> queries.query(
                new FindSessionQuery(RuntimeCommands.tenantOf(caller), sessionId),
                ResponseTypes.optionalInstanceOf(SessionView.class)).join());
    }

    private static ProblemException notFound(UUID sessionId) {
        return new ProblemException(ProblemCode.SESSION_NOT_FOUND, "session " + sessionId + " not found");
    }
}
