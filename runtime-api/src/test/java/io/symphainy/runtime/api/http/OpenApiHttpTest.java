package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document is public and complete: every request mapping of the runtime's controllers is in it, with
 * the problem+json answers and both credentials.
 */
class OpenApiHttpTest extends HttpTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void everyEndpointOfTheRuntimeIsDocumented() {
        JsonNode paths = apiDocs().path("paths");

        Set<String> missing = new TreeSet<>();
        Set<String> endpoints = runtimeEndpoints();
        for (String endpoint : endpoints) {
            String[] methodAndPath = endpoint.split(" ", 2);
            if (!paths.path(methodAndPath[1]).has(methodAndPath[0].toLowerCase(Locale.ROOT))) {
                missing.add(endpoint);
            }
        }

        assertThat(endpoints).as("endpoints found").contains("POST /intent/submit", "GET /runtime/metrics",
                "GET /health");
        assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
    }

    @Test
    void errorsAreDocumentedAsProblemsWithTheirCodes() {
        JsonNode docs = apiDocs();

        JsonNode problem = docs.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").has("code")).isTrue();
        assertThat(problem.path("properties").path("code").path("enum").toString())
                .contains("UNAUTHENTICATED", "EXECUTION_NOT_FOUND", "PAYLOAD_SCHEMA_VIOLATION");
        JsonNode submit = docs.path("paths").path("/intent/submit").path("post").path("responses");
        for (String status : new String[] {"400", "401", "403", "413", "415", "422"}) {
            JsonNode media = submit.path(status).path("content").path("application/problem+json");
            assertThat(media.path("schema").path("$ref").asText()).as("%s of /intent/submit", status)
                    .isEqualTo("#/components/schemas/Problem");
            assertThat(media.path("examples").isEmpty()).as("examples of %s", status).isFalse();
        }
        JsonNode status = docs.path("paths").path("/execution/{execution_id}/status").path("get");
        assertThat(status.path("responses").has("404")).isTrue();
        JsonNode unavailable = status.path("responses").path("503").path("content").path("application/problem+json")
                .path("examples");
        assertThat(unavailable.has("DATABASE_UNAVAILABLE")).as("503 examples of the status").isTrue();
        assertThat(unavailable.has("RUNTIME_BUSY")).as("a read is never turned away by the intake").isFalse();
        assertThat(submit.path("503").path("content").path("application/problem+json").path("examples")
                .has("RUNTIME_BUSY")).as("503 examples of /intent/submit").isTrue();
        assertThat(status.path("responses").path("200").path("content").path("application/json").path("schema")
                .isEmpty()).as("200 schema of the status").isFalse();
        assertThat(docs.path("paths").path("/health").path("get").path("security").isEmpty()).isTrue();
        assertThat(docs.path("paths").path("/health").path("get").path("responses").has("401")).isFalse();
    }

    @Test
    void bothCredentialsAreSecuritySchemes() {
        JsonNode schemes = apiDocs().path("components").path("securitySchemes");

        assertThat(schemes.path("ApiKey").path("type").asText()).isEqualTo("apiKey");
        assertThat(schemes.path("ApiKey").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("ApiKey").path("name").asText()).isEqualTo("X-API-Key");
        assertThat(schemes.path("BearerJwt").path("scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void schemasUseTheJsonNamesOfTheApi() {
        JsonNode schemas = apiDocs().path("components").path("schemas");

        assertThat(schemas.path("SubmitIntentRequest").path("properties").has("intent_type")).as("%s",
                schemas.path("SubmitIntentRequest")).isTrue();
        assertThat(apiDocs().path("paths").path("/intent/submit").path("post").path("parameters").toString())
                .as("the caller is not a parameter").doesNotContain("principal").doesNotContain("caller");
    }

    @Test
    void swaggerUiIsServedWithoutCredentials() {
        Response ui = send("GET", "/swagger-ui/index.html", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), null);

        assertStatus(ui, 200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    private JsonNode apiDocs() {
        Response docs = get("/v3/api-docs", null);
        assertStatus(docs, 200);
        return docs.json();
    }

    /** "METHOD /path" of every handler of the runtime's own controllers, the error page excepted. */
    private Set<String> runtimeEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : handlerMapping.getHandlerMethods().entrySet()) {
            Class<?> controller = mapping.getValue().getBeanType();
            if (!controller.getName().startsWith("io.symphainy.") || ErrorController.class.isAssignableFrom(controller)) {
                continue;
            }
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            for (String path : mapping.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + path);
                }
            }
        }
        return endpoints;
    }
}
