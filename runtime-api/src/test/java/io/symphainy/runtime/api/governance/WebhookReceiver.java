package io.symphainy.runtime.api.governance;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A local HTTP endpoint that records every webhook delivery it receives and answers with a status chosen per
 * request number (1 for the first request).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: the lower-case header names and the exact body bytes. */
    record Received(Map<String, List<String>> headers, byte[] body, int answeredWith) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntUnaryOperator statusForRequest;

    private WebhookReceiver(IntUnaryOperator statusForRequest) {
        this.statusForRequest = statusForRequest;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int status = this.statusForRequest.applyAsInt(requests.incrementAndGet());
            Map<String, List<String>> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
            received.add(new Received(headers, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** A receiver answering every request with the status. */
    static WebhookReceiver answering(int status) {
        return new WebhookReceiver(request -> status);
    }

    /** A receiver answering by request number. */
    static WebhookReceiver answering(IntUnaryOperator statusForRequest) {
        return new WebhookReceiver(statusForRequest);
    }

    /** Changes the answers from now on. */
    void answerFromNowOn(int status) {
        statusForRequest = request -> status;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
