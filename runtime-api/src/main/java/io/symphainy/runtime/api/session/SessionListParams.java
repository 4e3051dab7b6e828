package io.symphainy.runtime.api.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of {@code GET /sessions}: filters (every absent one matches everything) and the keyset page
 * ({@code after}, {@code limit}).
 *
 * @param status {@code open} or {@code closed}
 * @param from   inclusive lower bound of {@code created_at}, an ISO-8601 instant
 * @param to     exclusive upper bound of {@code created_at}, an ISO-8601 instant
 * @param after  the {@code next} cursor of the previous page
 */
public record SessionListParams(
        String status,
        @BindParam("user_id") String userId,
        String from,
        String to,
        String after,
        @Min(1) @Max(SessionListParams.MAX_LIMIT) Integer limit) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;
    /** The page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
