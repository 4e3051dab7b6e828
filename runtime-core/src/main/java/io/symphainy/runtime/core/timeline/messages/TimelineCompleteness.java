package io.symphainy.runtime.core.timeline.messages;

/**
 * How far the audit timeline has got: the event-store position its processor has handled, and whether the event
 * store already holds later events that the timeline does not show yet.
 */
public record TimelineCompleteness(long position, boolean behind) {
}
