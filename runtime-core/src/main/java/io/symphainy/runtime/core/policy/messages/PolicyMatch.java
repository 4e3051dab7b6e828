package io.symphainy.runtime.core.policy.messages;

import io.symphainy.runtime.core.capability.spi.RiskLevel;
import java.util.Set;

/**
 * The conditions a policy rule matches on; every condition that is set must hold, an unset one ({@code null}) always
 * holds, so an empty match matches every intent.
 *
 * @param riskLevel        the capability's risk level, exactly
 * @param riskLevelAtLeast the capability's risk level or a higher one
 * @param intentType       the intent type, exactly or as a glob where {@code *} stands for any characters
 * @param realm            the intent's realm
 * @param rolesAny         the caller holds at least one of these roles
 * @param userId           the caller's user
 * @param payloadMaxBytes  the payload's JSON is at most this many bytes
 * @param payloadMinBytes  the payload's JSON is at least this many bytes
 * @param payloadHasField  the payload has this top-level field
 * @param capabilityVersion the version of the capability the intent runs, exactly or as a glob ({@code 1.*});
 *                          {@code null} in policies published before versions existed
 */
public record PolicyMatch(
        RiskLevel riskLevel,
        RiskLevel riskLevelAtLeast,
        String intentType,
        String realm,
        Set<String> rolesAny,
        String userId,
        Long payloadMaxBytes,
        Long payloadMinBytes,
        String payloadHasField,
        String capabilityVersion) {

    /** A match without a capability version condition. */
    public PolicyMatch(RiskLevel riskLevel, RiskLevel riskLevelAtLeast, String intentType, String realm,
                       Set<String> rolesAny, String userId, Long payloadMaxBytes, Long payloadMinBytes,
                       String payloadHasField) {
        this(riskLevel, riskLevelAtLeast, intentType, realm, rolesAny, userId, payloadMaxBytes, payloadMinBytes,
                payloadHasField, null);
    }

    /** A match without conditions. */
    public static PolicyMatch any() {
        return new PolicyMatch(null, null, null, null, null, null, null, null, null, null);
    }
}
