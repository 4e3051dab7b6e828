package io.symphainy.runtime.core.intake;

import io.symphainy.runtime.core.execution.messages.RejectionCode;
import io.symphainy.runtime.core.session.SessionAdmission;
import java.util.Optional;

/**
 * The rules that decide whether a well-formed intent is accepted.
 */
final class IntakeRules {

    private IntakeRules() {
    }

    /** The realm an intent names, or the one its type starts with ({@code content.parse} belongs to content). */
    static String realmOf(String intentType, String namedRealm) {
        if (namedRealm != null && !namedRealm.isBlank()) {
            return namedRealm;
        }
        int dot = intentType.indexOf('.');
        return dot > 0 ? intentType.substring(0, dot) : intentType;
    }

    /** Why a session refuses a new intent, if it does. */
    static Optional<RejectionCode> sessionRefusal(SessionAdmission admission) {
        return switch (admission) {
            case OPEN -> Optional.empty();
            case CLOSED -> Optional.of(RejectionCode.SESSION_CLOSED);
            case NOT_FOUND -> Optional.of(RejectionCode.SESSION_NOT_FOUND);
        };
    }

    /** An intent may only name the realm of the capability that handles its type. */
    static boolean realmMatches(String intentRealm, String capabilityRealm) {
        return intentRealm.equals(capabilityRealm);
    }
}
