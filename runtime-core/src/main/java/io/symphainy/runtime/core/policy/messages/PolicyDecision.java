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
 * @param obligations     what the deciding rule requires of the execution besides its decision, e.g.
 *                        {@code validate_citations}; empty when none (and in decisions recorded before obligations)
 */
public record PolicyDecision(
        Decision decision,
        String rule,
        int policyVersion,
        Set<String> roles,
        Duration approvalTimeout,
        Set<String> obligations) {

    /** Agents must have every citation of their answer checked against the facts they gathered. */
    public static final String VALIDATE_CITATIONS = "validate_citations";
    /** Every obligation a rule may lay on an execution. */
    public static final Set<String> KNOWN_OBLIGATIONS = Set.of(VALIDATE_CITATIONS);

    public PolicyDecision {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        obligations = obligations == null ? Set.of() : Set.copyOf(obligations);
    }

    /** A decision without obligations. */
    public PolicyDecision(Decision decision, String rule, int policyVersion, Set<String> roles,
                          Duration approvalTimeout) {
        this(decision, rule, policyVersion, roles, approvalTimeout, Set.of());
    }

    /** The same decision with the given obligations. */
    public PolicyDecision withObligations(Set<String> laid) {
        return new PolicyDecision(decision, rule, policyVersion, roles, approvalTimeout, laid);
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
