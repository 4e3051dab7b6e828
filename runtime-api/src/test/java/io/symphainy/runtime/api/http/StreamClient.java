package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A real WebSocket client ({@link java.net.http.WebSocket}) for the live streams: collects the JSON frames the server
 * sends, in arrival order, and how the server closed the connection.
 */
final class StreamClient implements WebSocket.Listener, AutoCloseable {

    /** How the connection ended: the close code and reason the server sent. */
    record Closed(int code, String reason) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final List<JsonNode> received = new ArrayList<>();
    private WebSocket socket;

    private StreamClient() {
    }

    /** Opens a stream; fails the test when the handshake is refused. */
    static StreamClient connect(HttpClient client, URI uri, Map<String, String> headers) {
        StreamClient listener = new StreamClient();
        try {
            listener.socket = builder(client, headers).buildAsync(uri, listener).join();
        } catch (CompletionException refused) {
            return fail("handshake of %s refused: %s", uri, describe(refused.getCause()));
        }
        return listener;
    }

    /** The HTTP status of a handshake the server refuses; fails the test when it upgrades instead. */
    static int refusedHandshakeStatus(HttpClient client, URI uri, Map<String, String> headers) {
        try {
            WebSocket opened = builder(client, headers).buildAsync(uri, new StreamClient()).join();
            opened.abort();
            return fail("handshake of %s was accepted", uri);
        } catch (CompletionException refused) {
            if (refused.getCause() instanceof WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            return fail("handshake of %s failed without an HTTP answer: %s", uri, refused.getCause());
        }
    }

    private static WebSocket.Builder builder(HttpClient client, Map<String, String> headers) {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        return builder;
    }

    private static String describe(Throwable failure) {
        return failure instanceof WebSocketHandshakeException handshake
                ? "HTTP " + handshake.getResponse().statusCode() + " " + handshake.getResponse().headers().map()
                        + (handshake.getCause() == null ? "" : " (" + handshake.getCause() + ")")
                : String.valueOf(failure);
    }

    /** Receives frames until the ones received so far (on this connection) satisfy the condition; returns them all. */
    List<JsonNode> until(Predicate<List<JsonNode>> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.test(received)) {
            long left = deadline - System.nanoTime();
            JsonNode frame = left <= 0 ? null : poll(left);
            if (frame == null) {
                return fail("no expected frame within %s; received: %s; closed: %s", within, received,
                        closed.getNow(null));
            }
            received.add(frame);
        }
        return List.copyOf(received);
    }

    /** The next frame not yet returned by {@link #until}, within the time given. */
    JsonNode next(Duration within) {
        JsonNode frame = poll(within.toNanos());
        if (frame == null) {
            return fail("no frame within %s; closed: %s", within, closed.getNow(null));
        }
        received.add(frame);
        return frame;
    }

    /** Whether a frame arrives before the server closes the connection (or the time runs out). */
    boolean receivesAFrame(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = poll(TimeUnit.MILLISECONDS.toNanos(50));
            if (frame != null) {
                received.add(frame);
                return true;
            }
            if (closed.isDone()) {
                return false;
            }
        }
        return false;
    }

    /** Waits for the server to close the connection. */
    Closed awaitClosed(Duration within) {
        try {
            return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("the server did not close the stream within %s", within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return fail("the stream failed: %s", e.getCause());
        }
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** Closes normally and waits for the server's answer, so its resources are released when this returns. */
    @Override
    public void close() {
        if (closed.isDone()) {
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            closed.get(5, TimeUnit.SECONDS);
        } catch (Exception alreadyGone) {
            socket.abort();
        }
    }

    private JsonNode poll(long nanos) {
        try {
            return frames.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (JsonProcessingException notJson) {
                frames.add(JSON.getNodeFactory().textNode("not JSON: " + partial));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
