package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.capability.spi.CapabilityVersions;
import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Map;

/**
 * The runtime accepted an intent: the execution exists and its capability will run, at once or once approved.
 *
 * @param policyDecision what the tenant's policy decided at acceptance; {@code null} in events recorded before
 *                       policies existed
 * @param capabilityVersion the version of the capability the execution runs, all through; {@code null} in events
 *                          recorded before versions existed, which ran version {@value CapabilityVersions#DEFAULT}
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
        String payloadFingerprint,
        PolicyDecision policyDecision,
        String capabilityVersion) implements ExecutionScoped {

    /** An acceptance of the default version, as recorded before versions existed. */
    public IntentAcceptedEvent(ExecutionId executionId, IntentId intentId, TenantId tenantId, UserId userId,
                               SessionId sessionId, String intentType, String realm, String capability,
                               Map<String, Object> payload, Map<String, String> metadata, String idempotencyKey,
                               String payloadFingerprint, PolicyDecision policyDecision) {
        this(executionId, intentId, tenantId, userId, sessionId, intentType, realm, capability, payload, metadata,
                idempotencyKey, payloadFingerprint, policyDecision, null);
    }

    /** The version the execution runs: the recorded one, or the default for events from before versions. */
    public String runsVersion() {
        return CapabilityVersions.orDefault(capabilityVersion);
    }

    /** Whether the policy held the execution for a person's approval; events from before policies never do. */
    public boolean awaitsApproval() {
        return policyDecision != null && policyDecision.requiresApproval();
    }
}
