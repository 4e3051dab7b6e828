package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.TimeOrderedIds;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one attempt to satisfy one intent.
 */
public record ExecutionId(UUID value) {
    public ExecutionId {
        Objects.requireNonNull(value, "value");
    }

    /** A new identifier, in the order identifiers are made ({@link TimeOrderedIds}). */
    public static ExecutionId random() {
        return new ExecutionId(TimeOrderedIds.next());
    }

    /** Parses the raw form produced by {@link #toString()}. */
    public static ExecutionId of(String raw) {
        return new ExecutionId(UUID.fromString(raw));
    }

    /**
     * The execution an idempotency key stands for: the same tenant and key always name the same execution, which
     * makes a repeated submission find the first one instead of starting another.
     */
    public static ExecutionId forIdempotencyKey(TenantId tenantId, String idempotencyKey) {
        String name = "execution:" + tenantId.value().length() + ":" + tenantId.value() + ":" + idempotencyKey;
        return new ExecutionId(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The execution that resumes the given one: a repeated resumption of one execution always names the same new
     * execution, so it finds the first instead of starting another.
     */
    public static ExecutionId forResumptionOf(TenantId tenantId, ExecutionId resumed) {
        String name = "resumption:" + tenantId.value().length() + ":" + tenantId.value() + ":" + resumed;
        return new ExecutionId(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
