package io.symphainy.runtime.core.state.messages;

import java.util.List;

/**
 * A page of sessions, newest first.
 *
 * @param next where the next page starts; {@code null} when this page is the last
 */
public record SessionSummaryPage(List<SessionSummaryView> sessions, PageCursor next) {
}
