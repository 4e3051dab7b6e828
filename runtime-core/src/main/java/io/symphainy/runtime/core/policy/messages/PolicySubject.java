package io.symphainy.runtime.core.policy.messages;

import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.util.Map;
import java.util.Set;

/**
 * What a policy decides about: who asks, for which intent, against a capability of which risk and version, with which
 * payload.
 *
 * @param capabilityVersion the version of the capability the intent would run; null where no capability is known
 */
public record PolicySubject(
        TenantId tenantId,
        UserId userId,
        Set<String> roles,
        String intentType,
        String realm,
        RiskLevel riskLevel,
        Map<String, Object> payload,
        String capabilityVersion) {

    public PolicySubject {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        payload = payload == null ? Map.of() : payload;
    }

    /** A subject whose capability version is not known. */
    public PolicySubject(TenantId tenantId, UserId userId, Set<String> roles, String intentType, String realm,
                         RiskLevel riskLevel, Map<String, Object> payload) {
        this(tenantId, userId, roles, intentType, realm, riskLevel, payload, null);
    }
}
