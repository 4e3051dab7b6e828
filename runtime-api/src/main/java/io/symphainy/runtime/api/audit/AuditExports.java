package io.symphainy.runtime.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.timeline.AuditTimeline;
import io.symphainy.runtime.core.timeline.messages.TimelineCompleteness;
import io.symphainy.runtime.core.timeline.messages.TimelineEntryView;
import io.symphainy.runtime.core.timeline.messages.TimelineFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams every matching audit timeline entry as NDJSON (one snake_case JSON object a line) or as CSV (a header
 * line, then one quoted record a line), row by row from a database cursor. Both carry the completeness marker: NDJSON
 * as its last line, both as the {@value #POSITION_HEADER} and {@value #BEHIND_HEADER} headers.
 */
@Component
class AuditExports {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    static final String CSV_HEADER = "position,event_id,occurred_at,tenant_id,session_id,execution_id,user_id,"
            + "intent_type,capability,event_type,outcome,step_name,attempt,duration_millis,summary";

    private final AuditTimeline timeline;
    private final ObjectMapper json;

    AuditExports(AuditTimeline timeline, ObjectMapper json) {
        this.timeline = timeline;
        this.json = json;
    }

    /** Response header with the projection position the export reflects (read before its first row). */
    static final String POSITION_HEADER = "X-Timeline-Position";
    /** Response header saying whether the event store was already ahead of that position. */
    static final String BEHIND_HEADER = "X-Timeline-Behind";

    /**
     * The entries as NDJSON, then one last line {@code {"type":"completeness","position":…,"behind":…}}: the same
     * marker as the JSON answers', read before the first row.
     */
    StreamingResponseBody ndjson(TimelineFilter filter, TimelineCompleteness completeness) {
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("type", "completeness");
        marker.put("position", completeness.position());
        marker.put("behind", completeness.behind());
        return out -> write(out, filter, null, entry -> json.writeValueAsString(entry),
                json.writeValueAsString(marker));
    }

    /** The completeness marker as response headers, for exports whose format has no room for it (CSV). */
    static HttpHeaders completenessHeaders(TimelineCompleteness completeness) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(POSITION_HEADER, Long.toString(completeness.position()));
        headers.set(BEHIND_HEADER, Boolean.toString(completeness.behind()));
        return headers;
    }

    StreamingResponseBody csv(TimelineFilter filter) {
        return out -> write(out, filter, CSV_HEADER, AuditExports::csvLine, null);
    }

    private void write(OutputStream out, TimelineFilter filter, String header, Line line, String trailer)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (header != null) {
            writer.write(header + "\n");
        }
        try {
            timeline.export(filter, entry -> {
                try {
                    writer.write(line.of(entry));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (trailer != null) {
            writer.write(trailer + "\n");
        }
        writer.flush();
    }

    static String csvLine(TimelineEntryView e) {
        return Stream.of(e.position(), e.eventId(), e.occurredAt(), e.tenantId(), e.sessionId(), e.executionId(),
                        e.userId(), e.intentType(), e.capability(), e.eventType(), e.outcome(), e.stepName(),
                        e.attempt(), e.durationMillis(), e.summary())
                .map(value -> quote(Objects.toString(value, "")))
                .collect(Collectors.joining(","));
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    @FunctionalInterface
    private interface Line {
        String of(TimelineEntryView entry) throws IOException;
    }
}
