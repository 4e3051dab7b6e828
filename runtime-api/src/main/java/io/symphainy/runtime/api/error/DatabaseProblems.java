package io.symphainy.runtime.api.error;

import io.symphainy.runtime.core.config.DatabaseProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers a request that failed because the database was unreachable or cancelled a slow statement: 503 with
 * {@code Retry-After} and {@code DATABASE_UNAVAILABLE} or {@code DATABASE_TIMEOUT}, never a bare 500.
 */
@Component
public class DatabaseProblems {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProblems.class);

    private final DatabaseProperties properties;

    DatabaseProblems(DatabaseProperties properties) {
        this.properties = properties;
    }

    /** The response for the failure when it is a database failure; empty otherwise. */
    public Optional<ResponseEntity<Object>> answer(Throwable failure, HttpServletRequest request) {
        return DatabaseFailure.of(failure).map(kind -> {
            LOG.warn("{} {} failed with {}: {}", request.getMethod(), request.getRequestURI(), kind.code(),
                    rootMessage(failure));
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
            return Problems.response(Problems.withInstance(Problems.of(kind.code()), request), headers);
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
