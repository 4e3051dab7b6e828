package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Keeps a signal for an execution whose saga has not started (held for approval, or waiting for its capability
 * version), for the wait step that will receive it once the saga starts. Answers the
 * {@link io.symphainy.runtime.core.saga.messages.SignalReceipt}, or {@code null} when the execution has started
 * meanwhile: then its saga takes the signal.
 *
 * @param idempotencyKey a repeat with the same key answers the first outcome; {@code null} for none
 */
public record KeepSignalCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        String signal,
        Map<String, Object> payload,
        String idempotencyKey) {

    public KeepSignalCommand {
        payload = payload == null ? Map.of() : payload;
    }
}
