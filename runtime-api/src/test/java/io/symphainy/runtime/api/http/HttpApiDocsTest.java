package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.api.docs.DocsPages;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * docs/http-api.md and the running runtime agree: every route the runtime serves (the request mappings of its
 * controllers and of the OpenAPI document, and its WebSocket endpoints) is documented there as a backticked
 * {@code METHOD /path}, and every endpoint documented there is served. Actuator's endpoints follow
 * {@code management.endpoints.web.exposure.include} and are described in docs/operations.md instead.
 */
class HttpApiDocsTest extends HttpTestSupport {

    private static final String PAGE = "docs/http-api.md";
    private static final Pattern ENDPOINT = Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^`?\\s]*)(\\?[^`]*)?`");
    /** The servlet container's error page: it answers whatever failed, nobody calls it. */
    private static final Set<String> FRAMEWORK_PATHS = Set.of("/error");
    /** A WebSocket path ends in {@code /<kind>/*}: the id of that kind, e.g. {@code /stream/session/{session_id}}. */
    private static final Pattern STREAM_ID = Pattern.compile("/([a-z]+)/\\*$");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping requestMappings;

    @Autowired
    ApplicationContext context;

    @Test
    void everyServedRouteIsDocumented() {
        Set<String> undocumented = new TreeSet<>(servedRoutes());
        undocumented.removeAll(documentedEndpoints());

        assertThat(undocumented).as("routes the runtime serves that %s does not list", PAGE).isEmpty();
    }

    @Test
    void everyDocumentedEndpointIsServed() {
        Set<String> unserved = new TreeSet<>(documentedEndpoints());
        unserved.removeAll(servedRoutes());

        assertThat(documentedEndpoints()).as("endpoints in %s", PAGE).hasSizeGreaterThan(40);
        assertThat(unserved).as("endpoints in %s that the runtime does not serve", PAGE).isEmpty();
    }

    private static Set<String> documentedEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        Matcher endpoint = ENDPOINT.matcher(DocsPages.read(PAGE));
        while (endpoint.find()) {
            endpoints.add(endpoint.group(1) + " " + endpoint.group(2));
        }
        return endpoints;
    }

    private Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        requestMappings.getHandlerMethods().keySet().forEach(info -> addRoutes(info, routes));
        context.getBeansOfType(AbstractUrlHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMap().forEach((path, handler) -> {
                    if (handler instanceof WebSocketHttpRequestHandler) {
                        routes.add("GET " + STREAM_ID.matcher(path).replaceAll("/$1/{$1_id}"));
                    }
                }));
        assertThat(routes).as("routes found").contains("POST /intent/submit", "GET /stream/session/{session_id}");
        return routes;
    }

    private static void addRoutes(RequestMappingInfo info, Set<String> routes) {
        for (String pattern : info.getPatternValues()) {
            if (FRAMEWORK_PATHS.contains(pattern)) {
                continue;
            }
            assertThat(Routes.methods(info)).as("HTTP methods of %s", pattern).isNotEmpty();
            Routes.methods(info).forEach(method -> routes.add(method + " " + pattern));
        }
    }
}
