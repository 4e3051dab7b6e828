package io.symphainy.runtime.api.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.api.RuntimeApplication;
import io.symphainy.runtime.api.testing.EventProcessorsReadiness;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End-to-end support for the governance endpoints (webhooks, issued API keys, JWT): the whole runtime on a random
 * port with its own database, short webhook retry delays and an HS256 JWT secret. Every test class of this package
 * extends it unchanged, so they share one Spring context; each test registers and removes its own webhooks and keys.
 */
@SpringBootTest(classes = RuntimeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "runtime.diagnostics.enabled=true",
                "runtime.policy.default-decision=ALLOW",
                "runtime.webhooks.poll-interval=50ms",
                "runtime.webhooks.max-attempts=4",
                "runtime.webhooks.initial-delay=100ms",
                "runtime.webhooks.multiplier=2",
                "runtime.webhooks.max-delay=300ms",
                "runtime.webhooks.connect-timeout=1s",
                "runtime.webhooks.request-timeout=2s",
                "runtime.security.jwt.hmac-secret=" + GovernanceHttpTestSupport.JWT_SECRET})
@WithTestDatabase
abstract class GovernanceHttpTestSupport {

    static final String JWT_SECRET = "governance-test-hs256-secret-of-more-than-32-bytes";

    static final String TENANT_A = "tenant-a";
    static final String TENANT_B = "tenant-b";
    /** tenant-a, ada: admin only. */
    static final String ADMIN_A = "gov-admin-a";
    /** tenant-a, olivia: operator only. */
    static final String OPERATOR_A = "gov-operator-a";
    /** tenant-a, alice: submitter only. */
    static final String SUBMITTER_A = "gov-submitter-a";
    /** tenant-a, audrey: auditor only. */
    static final String AUDITOR_A = "gov-auditor-a";
    /** tenant-b, bea: admin only. */
    static final String ADMIN_B = "gov-admin-b";
    /** tenant-b, bruno: operator only. */
    static final String OPERATOR_B = "gov-operator-b";

    static final String PROBLEM_JSON = "application/problem+json";
    static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration POLL_INTERVAL = Duration.ofMillis(40);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static volatile boolean processorsReady;

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    @DynamicPropertySource
    static void testApiKeys(DynamicPropertyRegistry registry) {
        registry.add("runtime.api-keys-file", () -> {
            try {
                return new ClassPathResource("governance-test-api-keys.yaml").getFile().getAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("governance-test-api-keys.yaml must be a file on the classpath", e);
            }
        });
    }

    /** Tests start once every tracking processor has claimed all its segments and caught up. */
    @BeforeEach
    void awaitEventProcessorsReady() {
        if (!processorsReady) {
            await("event processors to claim all segments and catch up", this::eventProcessorsReady, ready -> ready);
            processorsReady = true;
        }
    }

    private boolean eventProcessorsReady() {
        return EventProcessorsReadiness.allCaughtUp(eventProcessing);
    }

    /** A response with its body parsed as JSON when it is JSON. */
    record Response(int status, HttpHeaders headers, String body, JsonNode json) {

        String text(String field) {
            return json.path(field).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + headers.firstValue("Content-Type").orElse("") + " " + body;
        }
    }

    Response get(String path, String apiKey) {
        return send("GET", path, apiKeyHeader(apiKey), null);
    }

    Response post(String path, String apiKey, Object body) {
        return send("POST", path, apiKeyHeader(apiKey), body);
    }

    Response delete(String path, String apiKey) {
        return send("DELETE", path, apiKeyHeader(apiKey), null);
    }

    /** Sends a request with the given headers and, unless null, a JSON body. */
    Response send(String method, String path, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(toJson(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    static Map<String, String> apiKeyHeader(String apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("X-API-Key", apiKey);
        }
        return headers;
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException notJson) {
            return JSON.missingNode();
        }
    }

    /** Asserts an RFC 9457 problem with the given status and stable code, and returns its body. */
    static JsonNode assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as("media type of %s", response)
                .startsWith(PROBLEM_JSON);
        assertThat(response.json().path("code").asText()).as("code of %s", response).isEqualTo(code);
        return response.json();
    }

    static void assertStatus(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    }

    /** Creates a session and submits {@code diagnostics.echo} with the payload; returns the execution id. */
    String submitEcho(String apiKey, Map<String, Object> payload) {
        Response session = post("/session/create", apiKey, Map.of("context", Map.of()));
        assertStatus(session, 201);
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("session_id", session.text("session_id"));
        intent.put("intent_type", "diagnostics.echo");
        intent.put("payload", payload);
        Response accepted = post("/intent/submit", apiKey, intent);
        assertStatus(accepted, 202);
        return accepted.text("execution_id");
    }

    /** Polls until the condition holds, returning the value that satisfied it. */
    static <T> T await(String what, Supplier<T> poll, Predicate<T> condition) {
        long deadline = System.nanoTime() + AWAIT_TIMEOUT.toNanos();
        T last = poll.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("timed out after %s waiting for %s; last seen: %s", AWAIT_TIMEOUT, what, last);
            }
            sleep(POLL_INTERVAL);
            last = poll.get();
        }
        return last;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
