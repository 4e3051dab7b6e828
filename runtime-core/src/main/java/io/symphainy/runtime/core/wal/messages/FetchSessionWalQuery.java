package io.symphainy.runtime.core.wal.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.session.messages.SessionId;

/**
 * Asks for a page of a session's recorded events in event-store order, after a position; answered with a {@link WalPage}.
 */
public record FetchSessionWalQuery(TenantId tenantId, SessionId sessionId, long afterPosition, int limit) {
}
