package io.symphainy.runtime.api.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error dispatch (failures outside Spring MVC, such as an exception in a servlet
 * filter) with a problem instead of Spring Boot's default error JSON, replacing {@code BasicErrorController}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

    private final DatabaseProblems databaseProblems;

    ProblemErrorController(Environment environment) {
        this.databaseProblems = DatabaseProblems.of(environment);
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<Object> error(HttpServletRequest request) {
        HttpStatusCode status = status(request);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof Throwable throwable) {
            Optional<ResponseEntity<Object>> databaseFailure = databaseProblems.answer(throwable, request);
            if (databaseFailure.isPresent()) {
                return databaseFailure.get();
            }
        }
        if (status.is5xxServerError() && failure instanceof Throwable throwable) {
            LOG.error("Request {} failed outside the web layer", originalPath(request), throwable);
        }
        ProblemCode code = ProblemCode.forStatus(status);
        ProblemDetail problem = Problems.of(code, status, code.defaultDetail(), Map.of());
        // The instance is the path that failed, not the error page the container forwarded to.
        String path = originalPath(request);
        problem.setInstance(path == null ? null : toUriOrNull(path));
        return Problems.response(problem);
    }

    /** The status of the failure dispatched here; a request sent straight to the error path found nothing. */
    private static HttpStatusCode status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        if (code instanceof Integer value && HttpStatus.resolve(value) != null) {
            return HttpStatusCode.valueOf(value);
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path ? path : null;
    }

    private static URI toUriOrNull(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
