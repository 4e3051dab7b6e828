package io.symphainy.runtime.core.capability.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a wait step waits for: a signal sent to its execution from outside ({@code POST /execution/{id}/signal}),
 * for at most a timeout. The signal's name and the timeout may be fixed or read from the intent's payload; both are
 * fixed for an execution when it starts. No thread is held while a step waits; the timeout is a persistent deadline.
 *
 * @param signalName       the name of the signal, from the intent payload; {@code null} names the signal after the
 *                         step
 * @param timeout          how long the step waits, from the intent payload; {@code null} takes the runtime's default
 *                         step timeout
 * @param payloadSchema    JSON Schema (draft 2020-12) the signal's payload must satisfy; {@code null} accepts any
 *                         JSON object
 * @param timeoutRetryable whether a timeout (failure code {@code SIGNAL_TIMEOUT}) counts as a retryable failure (the
 *                         step waits again, as the retry policy allows) or a permanent one
 */
public record SignalWait(
        Function<Map<String, Object>, String> signalName,
        Function<Map<String, Object>, Duration> timeout,
        String payloadSchema,
        boolean timeoutRetryable) {

    public SignalWait {
        Objects.requireNonNull(signalName, "signalName");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** A wait for the signal of the given name, for at most the given time; a timeout fails the step for good. */
    public static SignalWait named(String name, Duration timeout) {
        Objects.requireNonNull(name, "name");
        return new SignalWait(payload -> name, payload -> timeout, null, false);
    }

    /** A wait whose signal name and timeout the intent's payload decides. */
    public static SignalWait fromPayload(Function<Map<String, Object>, String> signalName,
                                         Function<Map<String, Object>, Duration> timeout) {
        return new SignalWait(signalName, timeout, null, false);
    }

    /** The same wait, accepting only signal payloads that satisfy the given JSON Schema. */
    public SignalWait withPayloadSchema(String schema) {
        return new SignalWait(signalName, timeout, schema, timeoutRetryable);
    }

    /** The same wait, whose timeout is a retryable failure: the step waits again as the retry policy allows. */
    public SignalWait retryableOnTimeout() {
        return new SignalWait(signalName, timeout, payloadSchema, true);
    }

    /** The signal name for an execution with the given intent payload, or {@code null} when it names none. */
    public String signalFor(Map<String, Object> payload) {
        return signalName.apply(payload == null ? Map.of() : payload);
    }

    /** The timeout for an execution with the given intent payload, or {@code null} for the default one. */
    public Duration timeoutFor(Map<String, Object> payload) {
        return timeout.apply(payload == null ? Map.of() : payload);
    }
}
