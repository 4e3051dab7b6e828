package io.symphainy.runtime.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the {@value #HEADER} header of each request (or, where {@link AccessTokenQueryParameterFilter}
 * runs, its query parameter). A request without the header continues anonymously
 * (public endpoints serve it, the rest answer 401); a request with an unknown key is refused at once, even on
 * public endpoints, so that a wrong key is never mistaken for a working one.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** The request header carrying the API key. */
    public static final String HEADER = "X-API-Key";

    private final AuthenticationManager authenticationManager;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    public ApiKeyAuthenticationFilter(AuthenticationManager authenticationManager,
                                      AuthenticationEntryPoint entryPoint) {
        this.authenticationManager = authenticationManager;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presentedKey = request.getHeader(HEADER);
        if (presentedKey == null || presentedKey.isBlank()) {
            presentedKey = AccessTokenQueryParameterFilter.presentedKey(request);
        }
        if (presentedKey == null || presentedKey.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(ApiKeyAuthenticationToken.unauthenticated(
                    presentedKey));
        } catch (AuthenticationException refused) {
            contextHolder.clearContext();
            entryPoint.commence(request, response, refused);
            return;
        }
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        contextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /**
     * Async dispatches (streaming responses) pass the authorization filter again, and the stateless security
     * context is not carried over, so the key is checked again.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
