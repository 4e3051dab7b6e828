package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Map;
import java.util.Set;

/**
 * Asks the runtime to satisfy an intent; answered with an {@link IntakeReceipt} once the decision is recorded.
 *
 * @param roles      the roles the caller's credential grants, which the tenant's policy may match on
 * @param resumption set when the intent resumes a failed or compensated execution; null for a client's intent
 * @param capabilityVersion the capability version the intent asks for; null for the newest registered one
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
        Set<String> roles,
        Resumption resumption,
        String capabilityVersion) {

    public SubmitIntentCommand {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A client's intent, resuming nothing. */
    public SubmitIntentCommand(IntentId intentId, TenantId tenantId, UserId userId, SessionId sessionId,
                               String intentType, String realm, Map<String, Object> payload,
                               Map<String, String> metadata, String idempotencyKey, Set<String> roles) {
        this(intentId, tenantId, userId, sessionId, intentType, realm, payload, metadata, idempotencyKey, roles, null,
                null);
    }

    /** Whether this intent resumes an earlier execution. */
    public boolean resumes() {
        return resumption != null;
    }

    /** Whether the client named an idempotency key. */
    public boolean hasIdempotencyKey() {
        return idempotencyKey != null && !idempotencyKey.isBlank();
    }
}
