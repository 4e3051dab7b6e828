package io.symphainy.runtime.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps a tenant's operators and admins to their own tenant's series in the Prometheus scrape: a sample line whose
 * {@code tenant} label names another tenant is left out. Prometheus itself, authenticated by the scrape token,
 * reads every series. Tenant callers always get the text exposition format, whose lines can be filtered.
 */
class TenantScopedScrapeFilter extends OncePerRequestFilter {

    /** The Prometheus text exposition format, version 0.0.4. */
    static final String TEXT_FORMAT = "text/plain;version=0.0.4;charset=utf-8";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof RuntimePrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(new TextFormatRequest(request), captured);
        byte[] body = captured.getContentAsByteArray();
        if (captured.getStatus() == HttpServletResponse.SC_OK) {
            String scrape = new String(body, StandardCharsets.UTF_8);
            body = TenantSeries.keepTenant(scrape, principal.tenantId()).getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The scrape request, asking for the text format whatever the caller's Accept header said. */
    private static final class TextFormatRequest extends HttpServletRequestWrapper {

        TextFormatRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? TEXT_FORMAT : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(TEXT_FORMAT))
                    : super.getHeaders(name);
        }
    }
}
