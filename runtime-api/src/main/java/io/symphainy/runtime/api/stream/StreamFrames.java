package io.symphainy.runtime.api.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.wal.messages.WalEntryView;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Writes the server-to-client frames of the stream protocol as JSON text messages, in the HTTP layer's snake_case.
 */
@Component
class StreamFrames {

    private final ObjectMapper json;

    StreamFrames(ObjectMapper json) {
        this.json = json;
    }

    /** One recorded event; its session is the one the runtime put on the event's metadata. */
    TextMessage event(WalEntryView entry) {
        Object session = entry.metadata().get(MetaDataKeys.SESSION_ID);
        return write(new EventFrame("event", entry.position(), entry.eventId(), entry.eventType(),
                entry.aggregateType(), entry.aggregateIdentifier(), entry.sequenceNumber(), entry.occurredAt(),
                session == null ? null : session.toString(), entry.executionId(), entry.payload()));
    }

    /** Everything recorded before the connection was sent, up to and including {@code position}. */
    TextMessage caughtUp(long position) {
        return write(new MarkerFrame("caught_up", position));
    }

    /** Nothing was sent for a while; the last position sent is still {@code position}. */
    TextMessage heartbeat(long position) {
        return write(new MarkerFrame("heartbeat", position));
    }

    private TextMessage write(Object frame) {
        try {
            return new TextMessage(json.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + frame.getClass().getSimpleName(), e);
        }
    }

    record EventFrame(String type, long position, String eventId, String eventType, String aggregateType,
                      String aggregateId, Long sequence, Instant timestamp, String sessionId, String executionId,
                      Map<String, Object> payload) {
    }

    record MarkerFrame(String type, long position) {
    }
}
