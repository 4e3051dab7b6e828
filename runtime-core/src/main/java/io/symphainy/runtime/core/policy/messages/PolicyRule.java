package io.symphainy.runtime.core.policy.messages;

import java.time.Duration;

/**
 * One rule of a policy: the first rule whose match holds decides.
 *
 * @param approvalTimeout how long an execution held by a {@link Decision#REQUIRE_APPROVAL} rule waits for a decision;
 *                        {@code null} for other decisions
 */
public record PolicyRule(String name, Decision decision, PolicyMatch match, Duration approvalTimeout) {
}
