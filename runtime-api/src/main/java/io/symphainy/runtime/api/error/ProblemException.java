package io.symphainy.runtime.api.error;

import java.util.Map;
import java.util.Objects;

/**
 * Signals an error the client must see as a specific {@link ProblemCode}; the {@link ApiExceptionHandler} turns it
 * into an {@code application/problem+json} response.
 *
 * <p>The detail and properties are sent to the client verbatim, so they must never contain secrets or internals.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemCode code;
    private final transient Map<String, Object> properties;

    public ProblemException(ProblemCode code) {
        this(code, code.defaultDetail(), Map.of());
    }

    public ProblemException(ProblemCode code, String detail) {
        this(code, detail, Map.of());
    }

    /**
     * @param properties extension members added next to {@code code}; keys should be snake_case like the rest of
     *                   the contract
     */
    public ProblemException(ProblemCode code, String detail, Map<String, ?> properties) {
        super(detail);
        this.code = Objects.requireNonNull(code, "code");
        this.properties = Map.copyOf(properties);
    }

    public ProblemCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
