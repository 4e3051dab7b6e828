package io.symphainy.runtime.core.observability;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.slf4j.MDC;

/**
 * The ids every log line of a request, a message handler or a step attempt carries, as MDC entries that structured
 * logs print as fields. A scope puts entries and gives the previous values back when it closes, so scopes nest (a
 * command handled inside a request keeps the request's entries afterwards).
 */
public final class LogContext implements AutoCloseable {

    /** MDC key of the tenant. */
    public static final String TENANT_ID = "tenant_id";
    /** MDC key of the acting user. */
    public static final String USER_ID = "user_id";
    /** MDC key of the session. */
    public static final String SESSION_ID = "session_id";
    /** MDC key of the execution. */
    public static final String EXECUTION_ID = "execution_id";
    /** MDC key of the step a worker runs. */
    public static final String STEP = "step";
    /** MDC key of the attempt a worker runs. */
    public static final String ATTEMPT = "attempt";

    private final Map<String, String> previous = new HashMap<>();

    private LogContext() {
    }

    /** A scope with no entries yet. */
    public static LogContext open() {
        return new LogContext();
    }

    /** A scope with the ids a message's metadata carries. */
    public static LogContext of(MetaData metaData) {
        return open().put(TENANT_ID, metaData.get(MetaDataKeys.TENANT_ID))
                .put(USER_ID, metaData.get(MetaDataKeys.USER_ID))
                .put(SESSION_ID, metaData.get(MetaDataKeys.SESSION_ID))
                .put(EXECUTION_ID, metaData.get(MetaDataKeys.EXECUTION_ID));
    }

    /** Puts the entry unless {@code value} is null. */
    public LogContext put(String key, Object value) {
        if (value != null) {
            if (!previous.containsKey(key)) {
                previous.put(key, MDC.get(key));
            }
            MDC.put(key, value.toString());
        }
        return this;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
        previous.clear();
    }
}
