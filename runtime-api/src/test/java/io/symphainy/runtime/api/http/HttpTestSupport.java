package io.symphainy.runtime.api.http;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End-to-end support for the HTTP contract: the whole runtime on a random port with its own fresh database, driven
 * through real HTTP with {@link HttpClient}. Every test class of this package extends it unchanged, so they all share
 * one Spring context (and one database); each test creates its own sessions and never depends on another's data.
 * Tenants a and b publish no policy, so the fallback ALLOW lets their intents run; only the governance tests publish
 * policies, for their own tenant-gov.
 */
@SpringBootTest(classes = RuntimeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "runtime.diagnostics.enabled=true",
                "runtime.policy.default-decision=ALLOW",
                "runtime.content.test-knobs-enabled=true",
                "runtime.content.inline-max-bytes=" + HttpTestSupport.CONTENT_INLINE_MAX_BYTES,
                "runtime.content.max-bytes=" + HttpTestSupport.CONTENT_MAX_BYTES,
                "runtime.http.upload-max-body-bytes=" + HttpTestSupport.UPLOAD_MAX_BODY_BYTES,
                "runtime.http.max-body-bytes=" + HttpTestSupport.MAX_BODY_BYTES,
                "runtime.metrics.history.interval=1s",
                "runtime.stream.heartbeat-interval=1s",
                "runtime.stream.send-time-limit=2s",
                "runtime.stream.max-connections-per-tenant=" + HttpTestSupport.STREAMS_PER_TENANT,
                "runtime.quota.tenants.tenant-quota-configured.max-in-flight=1",
                "runtime.quota.tenants.tenant-quota-configured.intents-per-second=500"})
@Import({TransferCapability.class, ReplayProbeCapability.class, ResumeProbeCapability.class})
@WithTestDatabase
abstract class HttpTestSupport {

    static final int MAX_BODY_BYTES = 65536;
    static final int CONTENT_INLINE_MAX_BYTES = 16384;
    static final int CONTENT_MAX_BYTES = 1048576;
    static final int UPLOAD_MAX_BODY_BYTES = 2097152;
    /** Live streams one tenant may hold open; small so that the limit can be reached. */
    static final int STREAMS_PER_TENANT = 3;
    /** How long a frame may take to reach a stream's client before the server closes it as a slow consumer. */
    static final Duration SEND_TIME_LIMIT = Duration.ofSeconds(2);

    static final String TENANT_A = "tenant-a";
    static final String TENANT_B = "tenant-b";

    /** tenant-a, user alice: submitter. */
    static final String SUBMITTER_A = "http-test-submitter-a";
    /** tenant-a, user olivia: operator and auditor. */
    static final String OPERATOR_A = "http-test-operator-a";
    /** tenant-a, user sam: submitter and nothing else. */
    static final String SUBMITTER_ONLY_A = "http-test-submitter-only-a";
    /** tenant-a, user otto: operator only. */
    static final String OPERATOR_ONLY_A = "http-test-operator-only-a";
    /** tenant-a, user audrey: auditor only. */
    static final String AUDITOR_ONLY_A = "http-test-auditor-only-a";
    /** tenant-a, user april: approver only. */
    static final String APPROVER_A = "http-test-approver-a";
    /** tenant-b, user bob: submitter. */
    static final String SUBMITTER_B = "http-test-submitter-b";
    /** tenant-b, user bruno: operator and auditor. */
    static final String OPERATOR_B = "http-test-operator-b";

    static final String TENANT_GOV = "tenant-gov";
    /** tenant-gov, user gina: submitter and approver, so she can try to approve her own intents. */
    static final String GOV_SUBMITTER = "http-test-gov-submitter";
    /** tenant-gov, user sid: submitter only. */
    static final String GOV_SUBMITTER_ONLY = "http-test-gov-submitter-only";
    /** tenant-gov, user grace: approver only; the second pair of eyes. */
    static final String GOV_APPROVER = "http-test-gov-approver";
    /** tenant-gov, user gordon: admin only. */
    static final String GOV_ADMIN = "http-test-gov-admin";
    /** tenant-gov, user otis: operator only. */
    static final String GOV_OPERATOR = "http-test-gov-operator";
    /** tenant-gov, user ava: auditor only. */
    static final String GOV_AUDITOR = "http-test-gov-auditor";
    /** tenant-b, user beatrix: approver. */
    static final String APPROVER_B = "http-test-approver-b";
    /** tenant-b, user benny: admin. */
    static final String ADMIN_B = "http-test-admin-b";

    static final String ECHO = "diagnostics.echo";
    static final String PROBLEM_JSON = "application/problem+json";
    static final Set<String> TERMINAL = Set.of("completed", "failed", "compensated", "rejected", "cancelled",
            "expired");

    static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration POLL_INTERVAL = Duration.ofMillis(40);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration eventProcessing;

    private static volatile boolean processorsReady;

    /**
     * {@code runtime.api-keys-file} is a file path (a {@code classpath:} prefix is not understood), so the keys are
     * read from where the build copied the test resource.
     */
    @DynamicPropertySource
    static void testApiKeys(DynamicPropertyRegistry registry) {
        registry.add("runtime.api-keys-file", () -> {
            try {
                return new ClassPathResource("test-api-keys.yaml").getFile().getAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("test-api-keys.yaml must be a file on the test classpath", e);
            }
        });
    }

    /**
     * Right after start-up the event processors are still claiming their segments, and until they do the State
     * Surface does not follow the event store, so reads would wait for the read-your-writes limit. Tests start once
     * every processor covers the whole event stream and has caught up.
     */
    @BeforeEach
    void awaitEventProcessorsReady() {
        if (!processorsReady) {
            await("every event processor to claim all segments and catch up", this::eventProcessorsReady,
                    ready -> ready);
            processorsReady = true;
        }
    }

    boolean eventProcessorsReady() {
        return EventProcessorsReadiness.allCaughtUp(eventProcessing);
    }

    // ---------------------------------------------------------------- HTTP

    /** A response with its body parsed as JSON when it is JSON. */
    record Response(int status, HttpHeaders headers, String body, JsonNode json) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        String text(String field) {
            return json.path(field).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }

    Response get(String path, String apiKey) {
        return send("GET", path, apiKey, HttpRequest.BodyPublishers.noBody(), null);
    }

    Response post(String path, String apiKey, Object body) {
        return sendJson("POST", path, apiKey, body);
    }

    Response patch(String path, String apiKey, Object body) {
        return sendJson("PATCH", path, apiKey, body);
    }

    /**
     * Sends the request with each key in turn until one passes the role check (for a route whose roles the caller does
     * not know); the last answer when every key is refused.
     */
    Response sendUntilNotForbidden(List<String> apiKeys, String method, String path, Object body) {
        Response response = null;
        for (String apiKey : apiKeys) {
            response = sendJson(method, path, apiKey, body);
            if (response.status() != 403) {
                return response;
            }
        }
        return response;
    }

    /** Sends a JSON body: a String as is (so tests can send broken JSON), anything else serialized. */
    Response sendJson(String method, String path, String apiKey, Object body) {
        if (body == null) {
            return send(method, path, apiKey, HttpRequest.BodyPublishers.noBody(), null);
        }
        String text = body instanceof String raw ? raw : toJson(body);
        return send(method, path, apiKey, HttpRequest.BodyPublishers.ofString(text), "application/json");
    }

    Response send(String method, String path, String apiKey, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
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

    // ---------------------------------------------------------------- assertions

    /** Asserts an RFC 9457 problem with the given status and stable code, and returns its body. */
    static JsonNode assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("media type of %s", response).startsWith(PROBLEM_JSON);
        assertThat(response.json().path("code").asText()).as("code of %s", response).isEqualTo(code);
        assertThat(response.json().path("status").asInt()).as("status member of %s", response).isEqualTo(status);
        assertThat(response.json().path("title").asText()).as("title of %s", response).isNotBlank();
        return response.json();
    }

    static void assertStatus(Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
    }

    // ---------------------------------------------------------------- runtime helpers

    /** Creates a session with the given key and returns its id. */
    String createSession(String apiKey) {
        return createSession(apiKey, Map.of());
    }

    String createSession(String apiKey, Map<String, Object> context) {
        Response response = post("/session/create", apiKey, Map.of("context", context));
        assertStatus(response, 201);
        String sessionId = response.text("session_id");
        assertThat(sessionId).isNotBlank();
        return sessionId;
    }

    /** The body of an intent for {@code diagnostics.echo} in the given session. */
    static Map<String, Object> echoIntent(String sessionId, Map<String, Object> payload) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("session_id", sessionId);
        intent.put("intent_type", ECHO);
        intent.put("payload", payload);
        return intent;
    }

    /** Submits {@code diagnostics.echo} with the payload, asserts it was accepted and returns its execution id. */
    String submitEcho(String apiKey, String sessionId, Map<String, Object> payload) {
        return submit(apiKey, echoIntent(sessionId, payload)).path("execution_id").asText();
    }

    /** Submits an intent body and asserts 202 accepted; returns the response body. */
    JsonNode submit(String apiKey, Map<String, Object> intent) {
        Response response = post("/intent/submit", apiKey, intent);
        assertStatus(response, 202);
        assertThat(response.text("status")).isEqualTo("accepted");
        return response.json();
    }

    /** GET /execution/{id}/status until its status is one of the given ones; fails on any other final status. */
    JsonNode awaitStatus(String apiKey, String executionId, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        return await("execution " + executionId + " to reach " + wanted, () -> {
            Response response = get("/execution/" + executionId + "/status", apiKey);
            assertStatus(response, 200);
            String status = response.text("status");
            if (!wanted.contains(status) && TERMINAL.contains(status)) {
                fail("execution %s ended %s, expected %s: %s", executionId, status, wanted, response.body());
            }
            return response.json();
        }, state -> wanted.contains(state.path("status").asText()));
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

    /** The status of a step, or an empty string while the execution's steps are not planned yet. */
    static String stepStatus(JsonNode state, int index) {
        for (JsonNode step : state.path("steps")) {
            if (step.path("index").asInt(-1) == index) {
                return step.path("status").asText();
            }
        }
        return "";
    }

    /** The step of an execution state with the given index. */
    static JsonNode step(JsonNode state, int index) {
        for (JsonNode step : state.path("steps")) {
            if (step.path("index").asInt(-1) == index) {
                return step;
            }
        }
        return fail("no step with index %d in %s", index, state);
    }

    // ---------------------------------------------------------------- WAL

    /** The whole WAL of a session, page after page, as the given operator or auditor key sees it. */
    List<JsonNode> wal(String apiKey, String sessionId) {
        List<JsonNode> entries = new ArrayList<>();
        String after = null;
        do {
            Response page = get("/runtime/wal/" + sessionId + "?limit=1000" + (after == null ? "" : "&after=" + after),
                    apiKey);
            assertStatus(page, 200);
            page.json().path("entries").forEach(entries::add);
            JsonNode next = page.json().path("next_after");
            after = next.isMissingNode() || next.isNull() ? null : next.asText();
        } while (after != null);
        return entries;
    }

    static List<String> eventTypes(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.path("event_type").asText()).toList();
    }

    /** Waits until the session's WAL holds events of all the given types and returns the whole WAL. */
    List<JsonNode> awaitWalEvent(String apiKey, String sessionId, String... eventTypes) {
        List<String> wanted = List.of(eventTypes);
        return await("WAL of session " + sessionId + " to contain " + wanted, () -> wal(apiKey, sessionId),
                entries -> eventTypes(entries).containsAll(wanted));
    }

    /**
     * Asserts that a request wrote nothing to the session. The WAL is an asynchronous projection, so both readings
     * are anchored on a marker context update recorded and awaited in the WAL: one before the request, so the first
     * reading holds everything written before, and one after, so the second holds anything the request wrote. Between
     * the two only the second marker may be new.
     */
    void assertWritesNothing(String sessionId, String operatorKey, String submitterKey, Runnable request) {
        List<JsonNode> before = walUpToNewMarker(sessionId, operatorKey, submitterKey);
        request.run();
        List<JsonNode> after = walUpToNewMarker(sessionId, operatorKey, submitterKey);
        // A short grace period: a stray event of another aggregate may be handled by another processor segment.
        sleep(Duration.ofMillis(150));
        after = wal(operatorKey, sessionId);
        Set<Long> known = new HashSet<>();
        before.forEach(entry -> known.add(entry.path("position").asLong()));
        List<JsonNode> added = after.stream().filter(entry -> !known.contains(entry.path("position").asLong()))
                .toList();
        assertThat(eventTypes(added)).as("events recorded for session %s by the request (besides the marker): %s",
                sessionId, added).containsExactly("SessionContextUpdatedEvent");
    }

    /** Records a marker in the session's context and returns the WAL once it shows the marker. */
    private List<JsonNode> walUpToNewMarker(String sessionId, String operatorKey, String submitterKey) {
        String marker = "marker-" + UUID.randomUUID();
        Map<String, Object> markerContext = new LinkedHashMap<>();
        markerContext.put(marker, true);
        assertStatus(patch("/session/" + sessionId, submitterKey, Map.of("context", markerContext)), 204);
        return await("marker " + marker + " in the WAL of " + sessionId, () -> wal(operatorKey, sessionId),
                entries -> entries.toString().contains(marker));
    }
}
