package io.symphainy.runtime.api.stream;

import io.symphainy.runtime.api.error.FieldViolation;
import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.error.ProblemResponseWriter;
import io.symphainy.runtime.api.error.Problems;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.security.RuntimePrincipalArgumentResolver;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.wal.WalScope;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Decides, before the upgrade, whether a stream may open: the path names a well-formed execution or session id,
 * {@code after} is a position, and the execution or session exists for the caller's tenant. A refusal is a plain
 * problem+json answer: 400 INVALID_REQUEST, or 404 EXECUTION_NOT_FOUND / SESSION_NOT_FOUND (also for another
 * tenant's id). Credentials were checked before, by the security filters (401).
 */
class StreamHandshake implements HandshakeInterceptor {

    /** The query parameter naming the position to resume after. */
    static final String AFTER = "after";

    private static final Pattern PATH = Pattern.compile("/stream/(execution|session)/([^/]+)");
    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");

    private final StreamTargets targets;
    private final ProblemResponseWriter problems;

    StreamHandshake(StreamTargets targets, ProblemResponseWriter problems) {
        this.targets = targets;
        this.problems = problems;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                   WebSocketHandler handler, Map<String, Object> attributes) throws IOException {
        HttpServletRequest servletRequest = ((ServletServerHttpRequest) request).getServletRequest();
        try {
            RuntimePrincipal caller = RuntimePrincipalArgumentResolver.current();
            StreamRequest stream = new StreamRequest(scope(caller, servletRequest), after(servletRequest));
            targets.requireExisting(caller, stream.scope());
            attributes.put(StreamRequest.ATTRIBUTE, stream);
            return true;
        } catch (ProblemException refused) {
            problems.write(servletRequest, ((ServletServerHttpResponse) response).getServletResponse(),
                    Problems.of(refused));
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception failure) {
        // Nothing to undo: a stream takes its resources only once the connection is established.
    }

    private static WalScope scope(RuntimePrincipal caller, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new ProblemException(ProblemCode.NOT_FOUND);
        }
        WalScope.Kind kind = matcher.group(1).equals("execution") ? WalScope.Kind.EXECUTION : WalScope.Kind.SESSION;
        String field = kind.name().toLowerCase(Locale.ROOT) + "_id";
        UUID id = canonicalUuid(matcher.group(2))
                .orElseThrow(() -> invalid(field, "must be a UUID"));
        return new WalScope(RuntimeCommands.tenantOf(caller), kind, id);
    }

    private static long after(HttpServletRequest request) {
        String[] values = request.getParameterValues(AFTER);
        if (values == null) {
            return 0;
        }
        if (values.length != 1 || !POSITION.matcher(values[0]).matches()) {
            throw invalid(AFTER, "must be one non-negative integer: a WAL position");
        }
        return Long.parseLong(values[0]);
    }

    /** Only the canonical 36-character form, which {@link UUID#fromString} alone does not insist on. */
    private static Optional<UUID> canonicalUuid(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            return id.toString().equalsIgnoreCase(raw) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemCode.INVALID_REQUEST, "Parameter '" + field + "' " + message + ".",
                Map.of(Problems.ERRORS_PROPERTY, List.of(new FieldViolation(field, message))));
    }
}
