package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.TimeOrderedIds;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies the step plan and progress of one execution.
 */
public record SagaId(UUID value) {
    public SagaId {
        Objects.requireNonNull(value, "value");
    }

    /** A new identifier, in the order identifiers are made ({@link TimeOrderedIds}). */
    public static SagaId random() {
        return new SagaId(TimeOrderedIds.next());
    }

    /** Parses the raw form produced by {@link #toString()}. */
    public static SagaId of(String raw) {
        return new SagaId(UUID.fromString(raw));
    }

    /**
     * The saga of an execution: derived from it, so anyone holding an execution id can find its saga. A time-ordered
     * execution's saga is time-ordered beside it ({@link TimeOrderedIds#nameBased}); any other execution's (a random
     * one recorded earlier, one named by an idempotency key) is the name-based UUID of {@code saga:<execution>}.
     */
    public static SagaId forExecution(ExecutionId executionId) {
        byte[] name = ("saga:" + executionId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new SagaId(TimeOrderedIds.nameBased(executionId.value(), name));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
