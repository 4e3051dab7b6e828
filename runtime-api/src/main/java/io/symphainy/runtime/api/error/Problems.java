package io.symphainy.runtime.api.error;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the RFC 9457 problem bodies and responses of the runtime, so that every error has the same shape.
 */
public final class Problems {

    /** Name of the extension member carrying the stable {@link ProblemCode}. */
    public static final String CODE_PROPERTY = "code";

    /** Name of the extension member listing {@link FieldViolation}s of an INVALID_REQUEST problem. */
    public static final String ERRORS_PROPERTY = "errors";

    /**
     * The {@code WWW-Authenticate} challenge every 401 must carry (RFC 9110); API keys have no registered scheme,
     * so the challenge names the header that carries them.
     */
    public static final String API_KEY_CHALLENGE = "ApiKey header=\"X-API-Key\"";

    private Problems() {
    }

    public static ProblemDetail of(ProblemCode code) {
        return of(code, code.defaultDetail());
    }

    public static ProblemDetail of(ProblemCode code, String detail) {
        return of(code, code.status(), detail, Map.of());
    }

    public static ProblemDetail of(ProblemCode code, String detail, Map<String, ?> properties) {
        return of(code, code.status(), detail, properties);
    }

    /** An INVALID_REQUEST problem listing what is wrong with which field. */
    public static ProblemDetail invalidRequest(String detail, List<FieldViolation> errors) {
        return of(ProblemCode.INVALID_REQUEST, detail, Map.of(ERRORS_PROPERTY, List.copyOf(errors)));
    }

    public static ProblemDetail of(ProblemException exception) {
        return of(exception.code(), exception.detail(), exception.properties());
    }

    /**
     * A problem whose status differs from the code's own; only for framework errors whose status has no exact code,
     * where keeping the framework's status preserves HTTP semantics such as retrying a 503.
     */
    public static ProblemDetail of(ProblemCode code, HttpStatusCode status, String detail,
                                   Map<String, ?> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(code.type());
        problem.setTitle(code.title());
        properties.forEach(problem::setProperty);
        problem.setProperty(CODE_PROPERTY, code.name());
        // Clients can rely on the errors array being present on every INVALID_REQUEST, even when it is empty.
        if (code == ProblemCode.INVALID_REQUEST && !properties.containsKey(ERRORS_PROPERTY)) {
            problem.setProperty(ERRORS_PROPERTY, List.of());
        }
        return problem;
    }

    /** Sets the {@code instance} member to the request path, leaving it out when the path is not a valid URI. */
    public static ProblemDetail withInstance(ProblemDetail problem, HttpServletRequest request) {
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            problem.setInstance(null);
        }
        return problem;
    }

    public static ResponseEntity<Object> response(ProblemDetail problem) {
        return response(problem, new HttpHeaders());
    }

    /** A response whose media type is fixed to problem+json so that content negotiation cannot turn it into a 406. */
    public static ResponseEntity<Object> response(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headersFor(problem, headers)).body(problem);
    }

    /** A copy of {@code headers} declaring the problem+json media type and, for a 401, the challenge. */
    public static HttpHeaders headersFor(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            merged.set(HttpHeaders.WWW_AUTHENTICATE, API_KEY_CHALLENGE);
        }
        return merged;
    }
}
