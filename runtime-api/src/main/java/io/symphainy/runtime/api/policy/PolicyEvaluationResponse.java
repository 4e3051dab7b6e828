package io.symphainy.runtime.api.policy;

import java.util.Set;

/**
 * What the tenant's current policy would decide about an intent; nothing was recorded.
 *
 * @param approvalTimeout ISO-8601 duration an approval would wait, for {@code REQUIRE_APPROVAL} only
 * @param obligations     what the deciding rule would require besides its decision, e.g. {@code validate_citations}
 */
public record PolicyEvaluationResponse(
        String decision,
        String rule,
        int policyVersion,
        String approvalTimeout,
        String userId,
        Set<String> roles,
        String riskLevel,
        Set<String> obligations) {
}
