package io.symphainy.runtime.api.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps oversized request bodies away from the application: a declared Content-Length above the limit is refused
 * with a PAYLOAD_TOO_LARGE problem before anything else runs, and bodies of unknown length are counted while read
 * so that they fail with a {@link RequestBodyTooLargeException} once they cross the limit. Upload paths have their
 * own, larger limit.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** Extension member telling the client the limit it ran into. */
    static final String MAX_BODY_BYTES_PROPERTY = "max_body_bytes";

    private final HttpLimitsProperties limits;
    private final ProblemResponseWriter problemWriter;

    public RequestBodyLimitFilter(HttpLimitsProperties limits, ProblemResponseWriter problemWriter) {
        this.limits = limits;
        this.problemWriter = problemWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBodyBytes = limits.maxBodyBytesFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > maxBodyBytes) {
            problemWriter.write(request, response, tooLarge(maxBodyBytes));
            return;
        }
        chain.doFilter(new BodyLimitedRequest(request, maxBodyBytes), response);
    }

    /** The problem sent for a body above {@code maxBodyBytes}, whether refused here or detected while reading. */
    public static ProblemDetail tooLarge(long maxBodyBytes) {
        return Problems.of(ProblemCode.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + maxBodyBytes + " bytes.",
                Map.of(MAX_BODY_BYTES_PROPERTY, maxBodyBytes));
    }
}
