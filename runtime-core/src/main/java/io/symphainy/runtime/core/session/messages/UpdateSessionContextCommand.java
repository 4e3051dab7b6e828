package io.symphainy.runtime.core.session.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merges changes into a session's context: a key with a null value is removed, others are set.
 */
public record UpdateSessionContextCommand(
        @TargetAggregateIdentifier SessionId sessionId,
        TenantId tenantId,
        Map<String, Object> changes) {
}
