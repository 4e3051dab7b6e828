package io.symphainy.runtime.api.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The keyset page of an execution's or a session's timeline: entries after position {@code after}, at most
 * {@code limit} of them (default and maximum {@value AuditEventsParams#MAX_LIMIT}).
 */
public record TimelinePaging(
        @Min(0) Long after,
        @Min(1) @Max(AuditEventsParams.MAX_LIMIT) Integer limit) {

    long afterOrStart() {
        return after == null ? 0 : after;
    }

    int limitOrDefault() {
        return limit == null ? AuditEventsParams.MAX_LIMIT : limit;
    }
}
