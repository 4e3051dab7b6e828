package io.symphainy.runtime.api.runtime;

import io.symphainy.runtime.core.state.ExecutionStateProjection;
import io.symphainy.runtime.core.state.SessionStateProjection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks State Surface reads served while their projection is rebuilding with {@value #HEADER}: the answer may lack
 * what the replay has not reached yet.
 */
@Component
public class ProjectionRebuildingHeaderFilter extends OncePerRequestFilter {

    /** The response header naming the projection being rebuilt. */
    public static final String HEADER = "X-Projection-Rebuilding";

    private static final Pattern EXECUTION_READS = Pattern.compile(
            "/execution/[^/]+/status|/runtime/state/[^/]+|/executions");
    private static final Pattern SESSION_READS = Pattern.compile("/session/[^/]+|/sessions");

    private final Projections projections;

    ProjectionRebuildingHeaderFilter(Projections projections) {
        this.projections = projections;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String projection = EXECUTION_READS.matcher(path).matches() ? ExecutionStateProjection.PROCESSING_GROUP
                    : SESSION_READS.matcher(path).matches() ? SessionStateProjection.PROCESSING_GROUP : null;
            if (projection != null && projections.isReplaying(projection)) {
                response.setHeader(HEADER, projection);
            }
        }
        chain.doFilter(request, response);
    }
}
