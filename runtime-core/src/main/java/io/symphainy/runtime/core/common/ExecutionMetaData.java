package io.symphainy.runtime.core.common;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * The metadata an execution's own events carry, so that every one of them is filed under its session and
 * execution whatever command caused it.
 */
public final class ExecutionMetaData {

    private ExecutionMetaData() {
    }

    /** Metadata naming the session (when known) and the execution. */
    public static MetaData of(SessionId sessionId, ExecutionId executionId) {
        Map<String, String> entries = new HashMap<>();
        entries.put(MetaDataKeys.EXECUTION_ID, executionId.toString());
        if (sessionId != null) {
            entries.put(MetaDataKeys.SESSION_ID, sessionId.toString());
        }
        return MetaData.from(entries);
    }
}
