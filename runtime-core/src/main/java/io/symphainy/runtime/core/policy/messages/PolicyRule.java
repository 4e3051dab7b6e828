package io.symphainy.runtime.core.policy.messages;

import java.time.Duration;
import java.util.Set;

/**
 * One rule of a policy: the first rule whose match holds decides.
 *
 * @param approvalTimeout how long an execution held by a {@link Decision#REQUIRE_APPROVAL} rule waits for a decision;
 *                        {@code null} for other decisions
 * @param obligations     what an execution the rule lets through must also do, e.g.
 *                        {@link PolicyDecision#VALIDATE_CITATIONS}; empty when nothing
 */
public record PolicyRule(String name, Decision decision, PolicyMatch match, Duration approvalTimeout,
                         Set<String> obligations) {

    public PolicyRule {
        obligations = obligations == null ? Set.of() : Set.copyOf(obligations);
    }

    /** A rule without obligations. */
    public PolicyRule(String name, Decision decision, PolicyMatch match, Duration approvalTimeout) {
        this(name, decision, match, approvalTimeout, Set.of());
    }
}
