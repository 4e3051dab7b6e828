package io.symphainy.runtime.core.policy.messages;

/**
 * What a policy decides about an intent: run it, refuse it, or hold it until a person approves it.
 */
public enum Decision {
    ALLOW,
    DENY,
    REQUIRE_APPROVAL
}
