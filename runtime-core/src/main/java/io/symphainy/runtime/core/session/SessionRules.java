package io.symphainy.runtime.core.session;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules that decide what a session accepts.
 */
final class SessionRules {

    private SessionRules() {
    }

    /** Another tenant's session answers as if it did not exist. */
    static void requireSameTenant(TenantId owner, TenantId caller, SessionId sessionId) {
        if (!owner.equals(caller)) {
            throw new RuleViolationException(RuleViolationCode.SESSION_NOT_FOUND, "session " + sessionId + " not found");
        }
    }

    /** A closed session's context is frozen. */
    static void requireOpen(boolean closed, SessionId sessionId) {
        if (closed) {
            throw new RuleViolationException(RuleViolationCode.SESSION_CLOSED, "session " + sessionId + " is closed");
        }
    }

    /** Merges changes into a context: null values remove keys, other values replace them. */
    static Map<String, Object> merge(Map<String, Object> context, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(context);
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
