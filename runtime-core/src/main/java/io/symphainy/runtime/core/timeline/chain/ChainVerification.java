package io.symphainy.runtime.core.timeline.chain;

/** The outcome of recomputing a tenant's chain: how many entries were checked, and the first that did not verify. */
public record ChainVerification(long verified, boolean valid, ChainBreak firstBroken) {
}
