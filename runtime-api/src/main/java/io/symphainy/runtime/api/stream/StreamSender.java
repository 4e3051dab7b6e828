package io.symphainy.runtime.api.stream;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * The sending end of one stream's WebSocket: hands a frame to the client within the send time limit (or says the
 * client is a slow consumer), remembers when it last sent one, and closes the socket with a given status.
 */
final class StreamSender {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);

    private final WebSocketSession session;
    private final StreamProperties properties;
    private volatile long lastSentNanos = System.nanoTime();

    StreamSender(WebSocketSession session, StreamProperties properties) {
        this.session = session;
        this.properties = properties;
    }

    /** The WebSocket session's id, for log lines. */
    String id() {
        return session.getId();
    }

    boolean isOpen() {
        return session.isOpen();
    }

    /** Whether nothing was sent for the heartbeat interval as of the given moment. */
    boolean silentSince(long nowNanos) {
        return nowNanos - lastSentNanos >= properties.heartbeatInterval().toNanos();
    }

    /**
     * Sends the frame.
     *
     * @throws SlowConsumerException when the frame could not be handed over within the limits
     * @throws IOException           when the client went away
     */
    void send(TextMessage frame) throws IOException {
        long started = System.nanoTime();
        try {
            session.sendMessage(frame);
        } catch (SessionLimitExceededException overLimit) {
            throw new SlowConsumerException(overLimit);
        } catch (IOException failure) {
            // A blocked send fails when the container's send timeout, set to the send time limit, runs out.
            if (System.nanoTime() - started >= properties.sendTimeLimit().toNanos()) {
                throw new SlowConsumerException(failure);
            }
            throw failure;
        }
        lastSentNanos = System.nanoTime();
    }

    /** Closes the WebSocket with the given status; a socket already broken is only logged. */
    void close(CloseStatus status, Object scope) {
        try {
            // The underlying session, because the decorator would replace the status of a connection over its limits.
            WebSocketSessionDecorator.unwrap(session).close(status);
        } catch (IOException | RuntimeException alreadyBroken) {
            LOG.debug("Stream {} of {} could not be closed cleanly", session.getId(), scope, alreadyBroken);
        }
    }

    /** A frame could not be handed to the client within the limits. */
    static final class SlowConsumerException extends RuntimeException {

        SlowConsumerException(Exception cause) {
            super(cause);
        }
    }
}
