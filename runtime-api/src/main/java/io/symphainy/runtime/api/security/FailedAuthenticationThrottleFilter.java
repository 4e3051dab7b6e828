package io.symphainy.runtime.api.security;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemResponseWriter;
import io.symphainy.runtime.api.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any key or token is looked at, the credentials of a source that presented too many refused ones:
 * a 429 {@code TOO_MANY_FAILED_AUTHENTICATIONS} problem with {@code Retry-After}. Requests without a credential
 * pass (public endpoints stay reachable), and so does everything once the source's window has ended.
 */
public class FailedAuthenticationThrottleFilter extends OncePerRequestFilter {

    private final FailedAuthenticationLimiter limiter;
    private final ProblemResponseWriter writer;

    public FailedAuthenticationThrottleFilter(FailedAuthenticationLimiter limiter, ProblemResponseWriter writer) {
        this.limiter = limiter;
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = carriesCredential(request) ? limiter.retryAfter(request.getRemoteAddr())
                : Optional.empty();
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        limiter.throttled();
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem = Problems.of(ProblemCode.TOO_MANY_FAILED_AUTHENTICATIONS,
                "Too many refused credentials came from this address; none is checked for " + seconds
                        + " more seconds.", Map.of("retry_after_seconds", seconds));
        writer.write(request, response, problem);
    }

    private static boolean carriesCredential(HttpServletRequest request) {
        return hasText(request.getHeader(ApiKeyAuthenticationFilter.HEADER))
                || hasText(request.getHeader(HttpHeaders.AUTHORIZATION))
                || hasText(AccessTokenQueryParameterFilter.presentedKey(request));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
