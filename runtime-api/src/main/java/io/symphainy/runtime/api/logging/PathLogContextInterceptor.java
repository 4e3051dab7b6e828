package io.symphainy.runtime.api.logging;

import io.symphainy.runtime.core.observability.LogContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Adds the session and execution a request's path names ({@code /execution/{execution_id}/…},
 * {@code /session/{session_id}}, …) to its log context, once the handler mapping has read them.
 */
class PathLogContextInterceptor implements HandlerInterceptor {

    private static final String SCOPE = PathLogContextInterceptor.class.getName() + ".scope";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> path) {
            request.setAttribute(SCOPE, LogContext.open()
                    .put(LogContext.SESSION_ID, path.get("session_id"))
                    .put(LogContext.EXECUTION_ID, path.get("execution_id")));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getAttribute(SCOPE) instanceof LogContext scope) {
            scope.close();
            request.removeAttribute(SCOPE);
        }
    }
}
