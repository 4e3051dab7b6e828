package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.saga.messages.KeptSignal;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.SignalOutcome;
import io.symphainy.runtime.core.saga.messages.SignalReceipt;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signals of a {@link Saga}: the wait under way, the signals kept for steps that do not wait yet (by the saga, or
 * by its execution before the saga started), and the outcome of every idempotency key already used. Only the saga's
 * event-sourcing handlers change it.
 */
final class SignalBook {

    private final Map<Integer, KeptSignal> kept = new HashMap<>();
    private final Map<String, SignalReceipt> receipts = new HashMap<>();
    private StepAwaitingSignalEvent waiting;

    void waiting(StepAwaitingSignalEvent event) {
        waiting = event;
    }

    void kept(KeptSignal signal) {
        kept.put(signal.stepIndex(), signal);
        remember(signal.idempotencyKey(), SignalOutcome.KEPT, signal.stepName());
    }

    /** Takes over the signals the execution kept before its saga started. */
    void keptBeforeStart(List<KeptSignal> signals) {
        signals.forEach(this::kept);
    }

    void delivered(SignalDeliveredEvent event) {
        KeptSignal keptBefore = kept.remove(event.stepIndex());
        waiting = null;
        if (keptBefore == null) {
            remember(event.idempotencyKey(), SignalOutcome.DELIVERED, event.stepName());
        }
    }

    /** The wait recorded last for the given attempt of the step, or {@code null}. */
    StepAwaitingSignalEvent waitOf(int step, int attempt) {
        return waiting != null && waiting.stepIndex() == step && waiting.attempt() == attempt ? waiting : null;
    }

    /** When the given wait started: its deadline less its timeout. */
    static Instant startOf(StepAwaitingSignalEvent wait, long timeoutMillis) {
        return wait.deadline().minusMillis(timeoutMillis);
    }

    /** The signal kept for the given step, or {@code null}. */
    KeptSignal keptFor(int step) {
        return kept.get(step);
    }

    boolean holdsKeptSignal(int step) {
        return kept.containsKey(step);
    }

    /** The first answer given for the idempotency key, or {@code null} when the key is new (or absent). */
    SignalReceipt firstAnswerTo(String idempotencyKey) {
        return idempotencyKey == null ? null : receipts.get(idempotencyKey);
    }

    private void remember(String idempotencyKey, SignalOutcome outcome, String stepName) {
        if (idempotencyKey != null) {
            receipts.putIfAbsent(idempotencyKey, new SignalReceipt(outcome, stepName, null, null, true));
        }
    }
}
