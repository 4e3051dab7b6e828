package io.symphainy.runtime.api.capability;

/**
 * One version of a capability as {@code GET /capabilities} lists it.
 *
 * @param version    the version
 * @param registered whether this node has it (a version no node runs any more still shows while executions on it are
 *                   in flight)
 * @param inFlight   the caller's tenant's executions accepted, running or compensating on this version
 */
public record CapabilityVersionResponse(String version, boolean registered, long inFlight) {
}
