package io.symphainy.runtime.bench.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The runtime's HTTP API as the benchmark uses it, over HTTP/1.1 with one of the benchmark's API keys. */
final class RuntimeClient implements AutoCloseable {

    private static final Pattern EXECUTION_ID = Pattern.compile("\"execution_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http;
    private final String apiKey;

    RuntimeClient(URI base) {
        this(base, RuntimeProcess.API_KEY);
    }

    RuntimeClient(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Opens a session and answers its id. */
    String createSession() throws IOException, InterruptedException {
        JsonNode session = JSON.readTree(post("/session/create", "{\"context\": {\"bench\": true}}"));
        return session.get("session_id").asText();
    }

    /** Submits one {@code diagnostics.echo} intent (three steps that do no work); answers the response. */
    CompletableFuture<HttpResponse<String>> submitEcho(String sessionId) {
        String body = "{\"session_id\": \"" + sessionId + "\", \"intent_type\": \"diagnostics.echo\", \"payload\": {}}";
        return http.sendAsync(request("/intent/submit").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Asks who the client's key is: an authenticated request that touches neither the database nor Axon. */
    CompletableFuture<HttpResponse<String>> whoami() {
        return http.sendAsync(request("/whoami").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String executionId(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
        }
        Matcher matcher = EXECUTION_ID.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no execution_id in " + response.body());
        }
        return matcher.group(1);
    }

    String get(String path) throws IOException, InterruptedException {
        return expectOk(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path));
    }

    String post(String path, String json) throws IOException, InterruptedException {
        return expectOk(http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Publishes the tenant's policy: allow everything. A tenant with a published policy is the production shape;
     * without one, every intake looks for the tenant's Policy aggregate and fails to find it.
     */
    void publishAllowAllPolicy() throws IOException, InterruptedException {
        expectOk(http.send(request("/policy").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"default\": \"ALLOW\", \"rules\": []}")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json");
    }

    private static String expectOk(HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
