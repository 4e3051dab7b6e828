package io.symphainy.runtime.api.audit;

import io.symphainy.runtime.core.timeline.messages.TimelineCompleteness;
import io.symphainy.runtime.core.timeline.messages.TimelineEntryView;
import java.util.List;

/**
 * A page of the audit timeline; ask again with {@code after=next_after} for the next page until it is null.
 */
public record AuditEventsResponse(List<TimelineEntryView> entries, Long nextAfter,
                                  TimelineCompleteness completeness) {
}
