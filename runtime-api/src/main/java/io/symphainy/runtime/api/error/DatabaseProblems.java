package io.symphainy.runtime.api.error;

import io.symphainy.runtime.core.config.DatabaseProperties;
import io.symphainy.runtime.core.database.DatabaseFailure;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Answers a request that failed because the database was unreachable or cancelled a slow statement: 503 with
 * {@code Retry-After} and {@code DATABASE_UNAVAILABLE} or {@code DATABASE_TIMEOUT}, never a bare 500. Read from the
 * environment rather than injected, so that the error handlers work in every web context, test slices included.
 */
final class DatabaseProblems {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProblems.class);

    private final DatabaseProperties properties;

    private DatabaseProblems(DatabaseProperties properties) {
        this.properties = properties;
    }

    /** The answers with the {@code runtime.database} settings of the environment. */
    static DatabaseProblems of(Environment environment) {
        return new DatabaseProblems(Binder.get(environment).bindOrCreate("runtime.database",
                DatabaseProperties.class));
    }

    /** The response for the failure when it is a database failure; empty otherwise. */
    Optional<ResponseEntity<Object>> answer(Throwable failure, HttpServletRequest request) {
        return DatabaseFailure.of(failure).map(DatabaseProblems::code).map(code -> {
            LOG.warn("{} {} failed with {}: {}", request.getMethod(), request.getRequestURI(), code,
                    rootMessage(failure));
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
            return Problems.response(Problems.withInstance(Problems.of(code), request), headers);
        });
    }

    private static ProblemCode code(DatabaseFailure kind) {
        return switch (kind) {
            case UNAVAILABLE -> ProblemCode.DATABASE_UNAVAILABLE;
            case TIMEOUT -> ProblemCode.DATABASE_TIMEOUT;
        };
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
