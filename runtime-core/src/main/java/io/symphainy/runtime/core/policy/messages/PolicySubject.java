package io.symphainy.runtime.core.policy.messages;

import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.util.Map;
import java.util.Set;

/**
 * What a policy decides about: who asks, for which intent, against a capability of which risk, with which payload.
 */
public record PolicySubject(
        TenantId tenantId,
        UserId userId,
        Set<String> roles,
        String intentType,
        String realm,
        RiskLevel riskLevel,
        Map<String, Object> payload) {

    public PolicySubject {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        payload = payload == null ? Map.of() : payload;
    }
}
