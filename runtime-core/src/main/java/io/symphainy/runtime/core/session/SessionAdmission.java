package io.symphainy.runtime.core.session;

/**
 * Whether a session takes a new intent from a given tenant.
 */
public enum SessionAdmission {
    /** The session is open and belongs to the tenant. */
    OPEN,
    /** The session belongs to another tenant; to the caller it does not exist. */
    NOT_FOUND,
    /** The session belongs to the tenant but is closed. */
    CLOSED
}
