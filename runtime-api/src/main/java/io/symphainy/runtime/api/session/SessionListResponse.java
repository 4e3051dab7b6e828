package io.symphainy.runtime.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.symphainy.runtime.core.state.messages.SessionSummaryView;
import java.util.List;

/**
 * A page of sessions, newest first; ask again with {@code after=next} for the next page until it is null.
 */
public record SessionListResponse(List<SessionSummaryView> sessions,
                                  @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
}
