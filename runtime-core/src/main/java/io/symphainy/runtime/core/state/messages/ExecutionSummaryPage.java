package io.symphainy.runtime.core.state.messages;

import java.util.List;

/**
 * A page of executions, newest first.
 *
 * @param next where the next page starts; {@code null} when this page is the last
 */
public record ExecutionSummaryPage(List<ExecutionSummaryView> executions, PageCursor next) {
}
