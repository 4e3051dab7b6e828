package io.symphainy.runtime.core.common.messages;

/**
 * Names of the metadata entries the runtime puts on every command and event it records.
 */
public final class MetaDataKeys {

    /** The tenant whose credential caused the message. */
    public static final String TENANT_ID = "tenantId";
    /** The user whose credential caused the message. */
    public static final String USER_ID = "userId";
    /** The session the message belongs to, when it belongs to one. */
    public static final String SESSION_ID = "sessionId";
    /** The execution the message belongs to, when it belongs to one. */
    public static final String EXECUTION_ID = "executionId";
    /**
     * On an accepted intent that resumes an earlier execution: that execution's id. Not copied onto derived messages.
     */
    public static final String RESUMED_FROM = "resumedFrom";
    /**
     * On an accepted intent whose execution and saga the intake started in the same transaction: {@code "true"}, so
     * the coordinator does not start them again. Not copied onto derived messages.
     */
    public static final String STARTED_AT_INTAKE = "startedAtIntake";

    /** The correlated keys above, in the order they are copied onto derived messages. */
    public static final String[] CORRELATED = {TENANT_ID, USER_ID, SESSION_ID, EXECUTION_ID};

    private MetaDataKeys() {
    }
}
