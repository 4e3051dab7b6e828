package io.symphainy.runtime.core.state.messages;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a keyset page of a State Surface listing ends: the creation time and id of its last row. Listings run newest
 * first, so the next page holds the rows created before it (ties broken by the smaller id).
 *
 * @param createdAt when the last row of the page was created, to the microsecond PostgreSQL keeps
 * @param id        the id of the last row of the page
 */
public record PageCursor(Instant createdAt, UUID id) {

    public PageCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
