package io.symphainy.runtime.api.audit;

import io.symphainy.runtime.core.timeline.messages.TimelineCompleteness;
import io.symphainy.runtime.core.timeline.messages.TimelineEntryView;
import java.util.List;

/**
 * A keyset page of what the audit timeline holds on one execution, in commit order; {@code nextAfter} is the
 * {@code after} of the next page, null on the last.
 */
public record ExecutionTimelineResponse(String executionId, List<TimelineEntryView> entries, Long nextAfter,
                                        TimelineCompleteness completeness) {
}
