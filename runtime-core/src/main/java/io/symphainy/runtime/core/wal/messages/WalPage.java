package io.symphainy.runtime.core.wal.messages;

import java.util.List;

/**
 * A page of WAL entries; {@code nextAfter} is the position to ask after for the next page, or null at the end.
 */
public record WalPage(List<WalEntryView> entries, Long nextAfter) {
}
