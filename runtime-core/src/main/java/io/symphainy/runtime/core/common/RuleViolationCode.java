package io.symphainy.runtime.core.common;

/**
 * Stable codes for commands the runtime refuses outright; the HTTP layer maps each to a problem response.
 */
public enum RuleViolationCode {
    /** The session does not exist, or belongs to another tenant. */
    SESSION_NOT_FOUND,
    /** The session is closed. */
    SESSION_CLOSED,
    /** The execution does not exist, or belongs to another tenant. */
    EXECUTION_NOT_FOUND,
    /** The execution already reached a terminal state. */
    EXECUTION_ALREADY_FINISHED,
    /** The execution is neither failed nor compensated, so it cannot be resumed. */
    EXECUTION_NOT_RESUMABLE,
    /** The idempotency key was used before for a different intent. */
    IDEMPOTENCY_KEY_CONFLICT,
    /** The execution is not, or no longer, waiting for an approval decision. */
    EXECUTION_NOT_AWAITING_APPROVAL,
    /** The person who submitted an intent cannot decide on its approval (four-eyes principle). */
    SELF_APPROVAL_FORBIDDEN,
    /** The execution has finished, or none of its steps waits (or will wait) for a signal of that name. */
    EXECUTION_NOT_WAITING,
    /** A signal's payload does not satisfy the JSON Schema of the step waiting for it. */
    SIGNAL_PAYLOAD_INVALID,
    /** The API key does not exist, or belongs to another tenant. */
    API_KEY_NOT_FOUND,
    /** The capability version asked for (or recorded, for a replay) is not registered on this node. */
    UNKNOWN_CAPABILITY_VERSION,
    /** The runtime takes no new intent right now (too many at once, or too much work waiting); nothing was recorded. */
    RUNTIME_BUSY,
    /** The tenant reached a limit of its quota (in flight, intent rate, upload bytes); nothing was recorded. */
    TENANT_QUOTA_EXCEEDED
}
