package io.symphainy.runtime.core.policy.messages;

import java.time.Duration;
import java.util.Set;

/**
 * The decision a policy took about one intent, recorded with the execution and never taken again.
 *
 * @param decision        what was decided
 * @param rule            the rule that decided, {@code default} when none matched, {@code no-policy} when the tenant
 *                        had published no policy
 * @param policyVersion   the version of the policy that decided; 0 when there was none
 * @param roles           the roles the caller held when the decision was taken
 * @param approvalTimeout how long the execution waits for approval; {@code null} unless approval is required
 */
public record PolicyDecision(
        Decision decision,
        String rule,
        int policyVersion,
        Set<String> roles,
        Duration approvalTimeout) {

    public PolicyDecision {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether the intent must wait for a person's approval. */
    public boolean requiresApproval() {
        return decision == Decision.REQUIRE_APPROVAL;
    }

    /** Whether the intent is refused. */
    public boolean denies() {
        return decision == Decision.DENY;
    }
}
