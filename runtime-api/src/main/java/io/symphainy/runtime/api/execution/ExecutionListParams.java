package io.symphainy.runtime.api.execution;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of {@code GET /executions}: filters (every absent one matches everything) and the keyset
 * page ({@code after}, {@code limit}).
 *
 * @param status an execution status such as {@code running}
 * @param from   inclusive lower bound of {@code accepted_at}, an ISO-8601 instant
 * @param to     exclusive upper bound of {@code accepted_at}, an ISO-8601 instant
 * @param after  the {@code next} cursor of the previous page
 */
public record ExecutionListParams(
        String status,
        @BindParam("intent_type") String intentType,
        String capability,
        @BindParam("session_id") UUID sessionId,
        String from,
        String to,
        String after,
        @Min(1) @Max(ExecutionListParams.MAX_LIMIT) Integer limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;
    /** The page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
