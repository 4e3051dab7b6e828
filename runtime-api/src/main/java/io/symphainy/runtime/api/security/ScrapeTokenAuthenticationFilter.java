package io.symphainy.runtime.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates Prometheus by the configured scrape token ({@code Authorization: Bearer <token>}). Another bearer
 * token is left to the JWT resource server when one is configured, and refused otherwise.
 */
class ScrapeTokenAuthenticationFilter extends OncePerRequestFilter {

    /** The authority a valid scrape token grants: reading the Prometheus scrape, nothing else. */
    static final String SCRAPE_AUTHORITY = "METRICS_SCRAPE";

    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final boolean jwtEnabled;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    ScrapeTokenAuthenticationFilter(ScrapeTokenProperties properties, boolean jwtEnabled,
                                    AuthenticationEntryPoint entryPoint) {
        this.token = properties.enabled() ? properties.scrapeToken().getBytes(StandardCharsets.UTF_8) : null;
        this.jwtEnabled = jwtEnabled;
        this.entryPoint = entryPoint;
    }

    /** Whether the request carries the scrape token (compared in constant time). */
    boolean carriesScrapeToken(HttpServletRequest request) {
        String presented = bearerOf(request);
        return token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (carriesScrapeToken(request)) {
            SecurityContext context = contextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("prometheus", null,
                    List.of(new SimpleGrantedAuthority(SCRAPE_AUTHORITY))));
            contextHolder.setContext(context);
        } else if (bearerOf(request) != null && !jwtEnabled) {
            contextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown bearer token"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String bearerOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
