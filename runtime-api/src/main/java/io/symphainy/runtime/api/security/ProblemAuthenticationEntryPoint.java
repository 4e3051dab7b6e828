package io.symphainy.runtime.api.security;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemResponseWriter;
import io.symphainy.runtime.api.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers unauthenticated requests with a 401 UNAUTHENTICATED problem, which carries the {@code WWW-Authenticate}
 * challenge naming the {@value ApiKeyAuthenticationFilter#HEADER} header. A credential that was presented and refused
 * (an unknown key, an invalid token) is counted against its source by the {@link FailedAuthenticationLimiter}.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponseWriter writer;
    private final FailedAuthenticationLimiter limiter;

    public ProblemAuthenticationEntryPoint(ProblemResponseWriter writer, FailedAuthenticationLimiter limiter) {
        this.writer = writer;
        this.limiter = limiter;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        String detail;
        if (exception instanceof BadCredentialsException || exception instanceof OAuth2AuthenticationException) {
            limiter.recordFailure(request.getRemoteAddr());
        }
        if (exception instanceof BadCredentialsException) {
            detail = "The API key in the " + ApiKeyAuthenticationFilter.HEADER + " header is not recognized.";
        } else if (exception instanceof OAuth2AuthenticationException) {
            detail = "The bearer token is not valid.";
        } else {
            detail = ProblemCode.UNAUTHENTICATED.defaultDetail();
        }
        writer.write(request, response, Problems.of(ProblemCode.UNAUTHENTICATED, detail));
    }
}
