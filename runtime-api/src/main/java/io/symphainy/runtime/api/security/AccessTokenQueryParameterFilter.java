package io.symphainy.runtime.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes an API key from the {@value #PARAMETER} query parameter, for the requests it is registered for only (the
 * WebSocket streams, since browsers cannot set headers on a WebSocket). It runs before anything that logs requests:
 * the key is moved into a request attribute that {@link ApiKeyAuthenticationFilter} reads, and everything after this
 * filter sees the request without the parameter (query string, parameters, the WebSocket session's URI), so the key
 * never reaches a log line. A servlet container's own access log, when one is enabled, reads the raw request line.
 */
public class AccessTokenQueryParameterFilter extends OncePerRequestFilter {

    /** The query parameter carrying the API key. */
    public static final String PARAMETER = "access_token";

    private static final String ATTRIBUTE = AccessTokenQueryParameterFilter.class.getName() + ".key";

    /** The key this filter took from the request, or null. */
    static String presentedKey(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String key ? key : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean present = false;
        String key = null;
        StringJoiner rest = new StringJoiner("&");
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!PARAMETER.equals(name)) {
                rest.add(pair);
                continue;
            }
            present = true;
            if (key == null && equals >= 0) {
                key = decode(pair.substring(equals + 1));
            }
        }
        if (!present) {
            chain.doFilter(request, response);
            return;
        }
        if (key != null && !key.isBlank()) {
            request.setAttribute(ATTRIBUTE, key);
        }
        chain.doFilter(new WithoutAccessToken(request, rest.length() == 0 ? null : rest.toString()), response);
    }

    /** A query component as the client meant it; an undecodable one stays as sent and matches no name. */
    private static String decode(String component) {
        try {
            return URLDecoder.decode(component, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return component;
        }
    }

    /** The request as it would be without the parameter. */
    private static final class WithoutAccessToken extends HttpServletRequestWrapper {

        private final String queryString;

        WithoutAccessToken(HttpServletRequest request, String queryString) {
            super(request);
            this.queryString = queryString;
        }

        @Override
        public String getQueryString() {
            return queryString;
        }

        @Override
        public String getParameter(String name) {
            return PARAMETER.equals(name) ? null : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return PARAMETER.equals(name) ? null : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
            parameters.remove(PARAMETER);
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
