package io.symphainy.runtime.core.timeline.chain;

/**
 * The first chain entry that does not verify: its position and event, the link the chain recorded
 * ({@code expected}) and the link recomputed from the event store now ({@code actual}; {@code "missing"} when the
 * store no longer holds the event, {@code "unlinked"} when its previous link is not its predecessor's link).
 */
public record ChainBreak(long position, String eventId, String expected, String actual) {
}
