package io.symphainy.runtime.api.stream;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The WebSocket endpoint of {@code /stream/execution/{id}} and {@code /stream/session/{id}}: the server talks, the
 * client listens. Frames the client sends are ignored (pings and close are answered by the container).
 */
class StreamHandler extends TextWebSocketHandler {

    private final StreamHub hub;

    StreamHandler(StreamHub hub) {
        this.hub = hub;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        hub.open(session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // The protocol has no client-to-server messages.
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        // The protocol has no client-to-server messages.
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        hub.closed(session);
    }
}
