package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.session.messages.SessionId;

/**
 * Asks the State Surface for one session of a tenant; answered with a {@link SessionView}, or nothing.
 */
public record FindSessionQuery(TenantId tenantId, SessionId sessionId) {
}
