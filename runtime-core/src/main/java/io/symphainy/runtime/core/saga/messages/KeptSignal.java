package io.symphainy.runtime.core.saga.messages;

import java.util.Map;

/**
 * A signal recorded for a wait step before the step waited for it, delivered once the step starts.
 *
 * @param stepIndex      the wait step the signal is for
 * @param idempotencyKey the key it was sent with; {@code null} for none
 */
public record KeptSignal(int stepIndex, String stepName, String signal, Map<String, Object> payload,
                         String idempotencyKey) {

    public KeptSignal {
        payload = payload == null ? Map.of() : payload;
    }
}
