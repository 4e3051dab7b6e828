package io.symphainy.runtime.api.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of {@code GET /audit/events}: filters (every absent one matches everything), the keyset
 * page ({@code after}, {@code limit}) and the {@code format}: json (default), ndjson or csv.
 *
 * @param from inclusive lower bound of {@code occurred_at}, an ISO-8601 instant
 * @param to   exclusive upper bound of {@code occurred_at}, an ISO-8601 instant
 */
public record AuditEventsParams(
        String from,
        String to,
        @BindParam("execution_id") UUID executionId,
        @BindParam("session_id") UUID sessionId,
        @BindParam("user_id") String userId,
        @BindParam("intent_type") String intentType,
        String capability,
        @BindParam("event_type") String eventType,
        String outcome,
        @Min(0) Long after,
        @Min(1) @Max(AuditEventsParams.MAX_LIMIT) Integer limit,
        String format) {

    /** The largest page. */
    public static final int MAX_LIMIT = 1000;
    /** The page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 100;

    long afterOrStart() {
        return after == null ? 0 : after;
    }

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
