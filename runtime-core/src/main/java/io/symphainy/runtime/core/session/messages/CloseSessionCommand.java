package io.symphainy.runtime.core.session.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes a session: it accepts no new intents, while executions already running finish.
 */
public record CloseSessionCommand(@TargetAggregateIdentifier SessionId sessionId, TenantId tenantId) {
}
