package io.symphainy.runtime.core.policy.messages;

import java.time.Duration;
import java.util.List;

/**
 * A tenant's policy as published: ordered rules and the decision taken when none of them matches.
 */
public record PolicyDocument(List<PolicyRule> rules, Decision defaultDecision) {

    /** How long an approval waits when a rule requires one and names no timeout. */
    public static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofHours(24);

    public PolicyDocument {
        rules = List.copyOf(rules);
    }
}
