package io.symphainy.runtime.api.audit;

import io.symphainy.runtime.core.timeline.messages.TimelineCompleteness;
import io.symphainy.runtime.core.timeline.messages.TimelineEntryView;
import java.util.List;

/**
 * Everything the audit timeline holds on one session's executions, merged in commit order.
 */
public record SessionTimelineResponse(String sessionId, List<TimelineEntryView> entries, Long nextAfter,
                                      TimelineCompleteness completeness) {
}
