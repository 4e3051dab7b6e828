package io.symphainy.runtime.core.state.messages;

import java.time.Instant;

/**
 * How the compensation of a completed step went; present only once one started.
 */
public record CompensationView(String status, int attempts, String error, Instant compensatedAt) {
}
