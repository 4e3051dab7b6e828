package io.symphainy.runtime.api.runtime;

/** A rebuild has started; {@code progress} is where to follow it. */
public record RebuildAcceptedResponse(String projection, String status, String progress) {
}
