package io.symphainy.runtime.core.execution.messages;

/**
 * Why the runtime refused a well-formed intent; stable codes that clients and auditors can rely on.
 */
public enum RejectionCode {
    /** The session does not exist for the caller's tenant. */
    SESSION_NOT_FOUND,
    /** The session was closed and accepts no new intents. */
    SESSION_CLOSED,
    /** No registered capability handles the intent type. */
    UNKNOWN_INTENT_TYPE,
    /** The intent names a realm other than the one of the capability for its type. */
    REALM_MISMATCH,
    /** The payload does not satisfy the capability's input schema. */
    PAYLOAD_SCHEMA_VIOLATION,
    /** A rule of the tenant's policy, or the fallback for tenants without one, refused the intent. */
    POLICY_DENIED,
    /** An approver refused the execution the policy held for approval. */
    APPROVAL_REJECTED,
    /** Nobody decided on the held execution before its approval deadline. */
    APPROVAL_EXPIRED
}
