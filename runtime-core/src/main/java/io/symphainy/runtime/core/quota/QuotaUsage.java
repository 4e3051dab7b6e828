package io.symphainy.runtime.core.quota;

/**
 * What a tenant uses of its quota now.
 *
 * @param inFlight         its executions in flight, as this node counts them
 * @param uploadBytesToday the bytes it uploaded this UTC day
 */
public record QuotaUsage(long inFlight, long uploadBytesToday) {
}
