package io.symphainy.runtime.core.session.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a session for a tenant's user with an initial context.
 */
public record CreateSessionCommand(
        @TargetAggregateIdentifier SessionId sessionId,
        TenantId tenantId,
        UserId userId,
        Map<String, Object> context) {
}
