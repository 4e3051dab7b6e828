package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delivers a signal to an execution's saga: to the step waiting for it, or kept for the step that will.
 *
 * @param idempotencyKey a repeat with the same key answers the first delivery's outcome; {@code null} for none
 */
public record DeliverSignalCommand(
        @TargetAggregateIdentifier SagaId sagaId,
        TenantId tenantId,
        String signal,
        Map<String, Object> payload,
        String idempotencyKey) {

    public DeliverSignalCommand {
        payload = payload == null ? Map.of() : payload;
    }
}
