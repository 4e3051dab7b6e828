package io.symphainy.runtime.api.logging;

import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.core.observability.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller's tenant and user into the log context of every line logged while a request is served. It runs
 * inside the security filter chain's scope, after authentication, so it sees the authenticated caller.
 */
class RequestLogContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (LogContext ignored = callerContext()) {
            chain.doFilter(request, response);
        }
    }

    private static LogContext callerContext() {
        LogContext context = LogContext.open();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof RuntimePrincipal caller) {
            context.put(LogContext.TENANT_ID, caller.tenantId()).put(LogContext.USER_ID, caller.userId());
        }
        return context;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
