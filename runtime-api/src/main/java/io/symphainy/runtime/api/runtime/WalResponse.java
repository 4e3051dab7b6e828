package io.symphainy.runtime.api.runtime;

import io.symphainy.runtime.core.wal.messages.WalEntryView;
import java.util.List;

/**
 * A page of a session's WAL; ask again with {@code after=next_after} for the next page until it is null.
 */
public record WalResponse(String sessionId, List<WalEntryView> entries, Long nextAfter) {
}
