package io.symphainy.runtime.api.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.api.RuntimeApplication;
import io.symphainy.runtime.api.testing.EventProcessorsReadiness;
import io.symphainy.runtime.core.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * One runtime, started in this JVM on a given database with the {@link VersionedProbe} versions it is told to
 * register, and driven through real HTTP; closing it is a node's orderly stop. Runtimes started one after another on
 * the same database are the same cluster across restarts.
 */
final class VersionedRuntime implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final ConfigurableApplicationContext context;
    private final int port;

    private VersionedRuntime(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Starts a runtime that registers the given versions of the probe (e.g. {@code "1,2"}). */
    static VersionedRuntime start(TestDatabase database, String versions) {
        Map<String, String> properties = Map.ofEntries(
                Map.entry("server.port", "0"),
                Map.entry("spring.datasource.url", database.jdbcUrl()),
                Map.entry("spring.datasource.username", database.username()),
                Map.entry("spring.datasource.password", database.password()),
                Map.entry("runtime.policy.default-decision", "ALLOW"),
                Map.entry("runtime.api-keys-file", keysFile()),
                Map.entry("runtime.saga.loss-scan-interval", "200ms"),
                Map.entry("runtime.saga.timeout-grace", "300ms"),
                Map.entry(VersionedProbe.VERSIONS_PROPERTY, versions));
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RuntimeApplication.class,
                VersionedProbe.class).run(arguments);
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        await("the event processors to catch up", () -> EventProcessorsReadiness.allCaughtUp(processing),
                ready -> ready);
        return new VersionedRuntime(context);
    }

    private static String keysFile() {
        try {
            return new ClassPathResource("test-api-keys.yaml").getFile().getAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Answer(int status, JsonNode json) {
    }

    Answer get(String path, String apiKey) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), apiKey);
    }

    Answer post(String path, String apiKey, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer put(String path, String apiKey, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a session and submits the probe's intent with the body's extra fields; answers the execution id. */
    String submit(String apiKey, Map<String, Object> payload, String version) {
        Answer session = post("/session/create", apiKey, Map.of("context", Map.of()));
        assertThat(session.status()).as("session %s", session.json()).isEqualTo(201);
        Answer submitted = post("/intent/submit", apiKey, intent(session.json().path("session_id").asText(),
                payload, version));
        assertThat(submitted.status()).as("intent %s", submitted.json()).isEqualTo(202);
        return submitted.json().path("execution_id").asText();
    }

    /** The probe's intent in the session, asking for the version unless it is null. */
    static Map<String, Object> intent(String sessionId, Map<String, Object> payload, String version) {
        Map<String, Object> intent = new java.util.LinkedHashMap<>(Map.of("session_id", sessionId,
                "intent_type", VersionedProbe.INTENT_TYPE, "payload", payload));
        if (version != null) {
            intent.put("capability_version", version);
        }
        return intent;
    }

    /** Polls the execution's status until the condition holds. */
    JsonNode awaitStatus(String apiKey, String executionId, Predicate<JsonNode> condition, String what) {
        return await("execution " + executionId + " " + what,
                () -> get("/execution/" + executionId + "/status", apiKey).json(), condition);
    }

    static <T> T await(String what, Supplier<T> poll, Predicate<T> condition) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        T last = poll.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            last = poll.get();
        }
        return last;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Answer send(HttpRequest.Builder request, String apiKey) {
        try {
            HttpResponse<String> response = CLIENT.send(request.header("X-API-Key", apiKey)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
