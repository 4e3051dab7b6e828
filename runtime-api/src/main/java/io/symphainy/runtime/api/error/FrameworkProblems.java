package io.symphainy.runtime.api.error;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Translates Spring MVC's own request errors (parameters missing or unconvertible, bare HTTP statuses) into
 * problems with codes; kept apart from {@link ApiExceptionHandler} so that the handler only routes.
 */
final class FrameworkProblems {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkProblems.class);

    private FrameworkProblems() {
    }

    static ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
        String name = ex.getParameterName();
        return Problems.invalidRequest("Parameter '" + name + "' is required.",
                List.of(new FieldViolation(name, "is required")));
    }

    /**
     * A malformed identifier in the path cannot name an existing resource, so it is reported as NOT_FOUND; other
     * unconvertible parameters are the client's input errors.
     */
    static ProblemDetail typeMismatch(TypeMismatchException ex) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        if (ex instanceof MethodArgumentTypeMismatchException argument
                && argument.getParameter().hasParameterAnnotation(PathVariable.class) && isIdentifier(name)) {
            return Problems.of(ProblemCode.NOT_FOUND);
        }
        String message = "must be " + ExpectedTypes.describe(ex.getRequiredType());
        return Problems.invalidRequest("Parameter '" + name + "' " + message + ".",
                List.of(new FieldViolation(name, message)));
    }

    /** The problem for a framework error known only by its status; server errors are logged, never described. */
    static ProblemDetail byStatus(Exception ex, HttpStatusCode status) {
        ProblemCode code = ProblemCode.forStatus(status);
        if (status.is5xxServerError()) {
            LOG.error("Request failed inside the web layer", ex);
            return Problems.of(code, status, code.defaultDetail(), Map.of());
        }
        // Spring's own details for client errors ("Method 'DELETE' is not supported.") are safe and specific;
        // its 404 detail names static resources, which would only confuse API clients.
        String detail = ex instanceof ErrorResponse error && code != ProblemCode.NOT_FOUND
                ? error.getBody().getDetail() : null;
        return Problems.of(code, status, detail == null ? code.defaultDetail() : detail, Map.of());
    }

    private static boolean isIdentifier(String name) {
        return name != null && (name.equals("id") || name.endsWith("_id") || name.endsWith("Id"));
    }
}
