package io.symphainy.runtime.core.common;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * The metadata a command carries about who sent it; correlation copies it onto every event the command causes.
 */
public final class CallerMetaData {

    private CallerMetaData() {
    }

    /** Metadata naming the caller's tenant and user, and the session when there is one. */
    public static MetaData of(TenantId tenantId, UserId userId, SessionId sessionId) {
        Map<String, String> entries = new HashMap<>();
        entries.put(MetaDataKeys.TENANT_ID, tenantId.value());
        if (userId != null) {
            entries.put(MetaDataKeys.USER_ID, userId.value());
        }
        if (sessionId != null) {
            entries.put(MetaDataKeys.SESSION_ID, sessionId.toString());
        }
        return MetaData.from(entries);
    }
}
