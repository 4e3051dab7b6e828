package io.symphainy.runtime.core.agent.spi;

import java.util.Objects;

/**
 * A failure an agent's gatherer or model understood, with a stable code and whether another attempt may cure it; the
 * runtime records it as the step's failure.
 */
public class AgentFailure extends Exception {

    private final String code;
    private final boolean retryable;

    public AgentFailure(String code, String message, boolean retryable) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
    }

    public AgentFailure(String code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.retryable = retryable;
    }

    /** The stable upper-case code. */
    public String code() {
        return code;
    }

    /** Whether another attempt may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
