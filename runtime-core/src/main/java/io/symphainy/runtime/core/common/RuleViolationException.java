package io.symphainy.runtime.core.common;

import java.util.Objects;

/**
 * A command refused by a named rule; callers branch on {@link #code()}, never on the message.
 */
public class RuleViolationException extends RuntimeException {

    private final RuleViolationCode code;

    public RuleViolationException(RuleViolationCode code, String detail) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The rule that refused the command. */
    public RuleViolationCode code() {
        return code;
    }
}
