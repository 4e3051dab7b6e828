package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Map;
import java.util.Set;

/**
 * Asks the runtime to satisfy an intent; answered with an {@link IntakeReceipt} once the decision is recorded.
 *
 * @param roles the roles the caller's credential grants, which the tenant's policy may match on
 */
public record SubmitIntentCommand(
        IntentId intentId,
        TenantId tenantId,
        UserId userId,
        SessionId sessionId,
        String intentType,
        String realm,
        Map<String, Object> payload,
        Map<String, String> metadata,
        String idempotencyKey,
        Set<String> roles) {

    public SubmitIntentCommand {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether the client named an idempotency key. */
    public boolean hasIdempotencyKey() {
        return idempotencyKey != null && !idempotencyKey.isBlank();
    }
}
