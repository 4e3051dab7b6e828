package io.symphainy.runtime.core.timeline.chain;

/**
 * One event of an evidence bundle: its chain position, identifier, the canonical encoding read from the event store,
 * the tenant's previous link and its own link, so that {@code link = SHA-256(previous_link + "\n" + canonical)}.
 */
public record EvidenceEntry(long position, String eventId, String previousLink, String link, String canonical) {
}
