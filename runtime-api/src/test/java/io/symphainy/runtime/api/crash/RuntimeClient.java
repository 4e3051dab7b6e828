package io.symphainy.runtime.api.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Plain HTTP calls of fault tests against a runtime process, with one API key. */
final class RuntimeClient {

    static final Set<String> TERMINAL = Set.of("completed", "failed", "compensated", "rejected", "cancelled",
            "expired");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Supplier<RuntimeProcess> runtime;
    private final String key;

    RuntimeClient(Supplier<RuntimeProcess> runtime, String key) {
        this.runtime = runtime;
        this.key = key;
    }

    /** An answer: status, Retry-After (or null) and body. */
    record Answer(int status, String retryAfter, String body) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(runtime.get().uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer put(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(runtime.get().uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(runtime.get().uri(path)).GET());
    }

    /** The body of a 2xx answer; anything else fails the test with the answer in the message. */
    JsonNode ok(Answer answer) throws IOException {
        if (answer.status() < 200 || answer.status() > 299) {
            throw new AssertionError("expected a 2xx answer, got " + answer.status() + ": " + answer.body());
        }
        return json.readTree(answer.body());
    }

    /**
     * Waits until every execution is terminal; answers their status bodies, or fails naming those unfinished with the
     * last answer their status gave (a 404 would be an acknowledged intent the store does not hold).
     */
    Map<String, JsonNode> awaitAllTerminal(Collection<String> executions, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, JsonNode> finished = new HashMap<>();
        Map<String, String> lastAnswers = new HashMap<>();
        while (finished.size() < executions.size() && System.nanoTime() < deadline) {
            for (String execution : executions) {
                if (!finished.containsKey(execution)) {
                    Answer answer = statusAnswerOf(execution);
                    lastAnswers.put(execution, answer == null ? "no answer" : answer.status() + " " + answer.body());
                    JsonNode status = answer != null && answer.status() == 200 ? json.readTree(answer.body()) : null;
                    if (status != null && TERMINAL.contains(status.path("status").asText())) {
                        finished.put(execution, status);
                    }
                }
            }
            Thread.sleep(250);
        }
        if (finished.size() < executions.size()) {
            throw new AssertionError((executions.size() - finished.size()) + " of " + executions.size()
                    + " acknowledged executions were not terminal after " + within + ", e.g. "
                    + executions.stream().filter(e -> !finished.containsKey(e)).limit(5)
                    .map(e -> e + " -> " + lastAnswers.get(e)).toList());
        }
        return finished;
    }

    private Answer statusAnswerOf(String execution) {
        try {
            return get("/execution/" + execution + "/status");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("X-API-Key", key).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.body());
    }
}
