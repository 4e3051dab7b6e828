package io.symphainy.runtime.core.state.messages;

import java.time.Instant;

/**
 * Which sessions of a tenant a listing shows; every {@code null} condition matches every session.
 *
 * @param status      {@code open} or {@code closed}
 * @param userId      the user the session belongs to
 * @param createdFrom inclusive lower bound of the creation time
 * @param createdTo   exclusive upper bound of the creation time
 */
public record SessionListFilter(String status, String userId, Instant createdFrom, Instant createdTo) {
}
