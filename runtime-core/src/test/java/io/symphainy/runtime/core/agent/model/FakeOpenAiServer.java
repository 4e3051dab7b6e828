package io.symphainy.runtime.core.agent.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.symphainy.runtime.core.agent.AgentProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat endpoint on a real local port ({@code POST /v1/chat/completions}), answering with the
 * content, status and delay a test sets; it counts the requests it got and keeps the last body.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String content = "";
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;
    private volatile String lastBody;

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** The model's next answers. */
    public FakeOpenAiServer answering(String answer) {
        this.content = answer;
        this.status = 200;
        return this;
    }

    /** The next answers fail with the given HTTP status. */
    public FakeOpenAiServer failingWith(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    /** The next answers come after the given delay. */
    public FakeOpenAiServer slowBy(Duration wait) {
        this.delay = wait;
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Settings of the {@code openai} provider pointing here. */
    public AgentProperties.Model settings(Duration timeout) {
        return new AgentProperties.Model(AgentProperties.OPENAI, baseUrl(), "fake-model", "test-key", timeout, 0.0,
                256, 3);
    }

    public int requests() {
        return requests.get();
    }

    public String lastBody() {
        return lastBody;
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = (status == 200 ? JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object",
                "chat.completion", "created", 1, "model", "fake-model", "choices", List.of(Map.of("index", 0,
                        "message", Map.of("role", "assistant", "content", content), "finish_reason", "stop")),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 10, "total_tokens", 20)))
                : "{\"error\": {\"message\": \"overloaded\", \"type\": \"server_error\"}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
