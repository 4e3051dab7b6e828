package io.symphainy.runtime.core.timeline.messages;

import java.util.List;

/**
 * A page of audit timeline entries; {@code nextAfter} is the position to ask after for the next page, or null at
 * the end.
 */
public record TimelinePage(List<TimelineEntryView> entries, Long nextAfter) {
}
