package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Map;

/**
 * The runtime accepted an intent: the execution exists and its capability will run.
 */
public record IntentAcceptedEvent(
        ExecutionId executionId,
        IntentId intentId,
        TenantId tenantId,
        UserId userId,
        SessionId sessionId,
        String intentType,
        String realm,
        String capability,
        Map<String, Object> payload,
        Map<String, String> metadata,
        String idempotencyKey,
        String payloadFingerprint) implements ExecutionScoped {
}
