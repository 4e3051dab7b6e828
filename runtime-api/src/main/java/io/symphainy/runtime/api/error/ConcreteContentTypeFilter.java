package io.symphainy.runtime.api.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body declared with a wildcard media type ({@code *}{@code /*}, {@code application/*}) with a 415
 * problem: a body has one concrete type, and Spring MVC fails on such a header instead of refusing it.
 */
public class ConcreteContentTypeFilter extends OncePerRequestFilter {

    private final ProblemResponseWriter problemWriter;

    public ConcreteContentTypeFilter(ProblemResponseWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getContentType())) {
            problemWriter.write(request, response, Problems.of(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "A request body has one concrete media type; '" + request.getContentType() + "' is a wildcard."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparsable) {
            // Spring MVC already answers an unparsable media type with its own 415.
            return false;
        }
    }
}
