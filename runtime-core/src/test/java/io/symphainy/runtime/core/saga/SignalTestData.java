package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.INPUT_SCHEMA;
import static io.symphainy.runtime.core.TestData.NOTIFY;
import static io.symphainy.runtime.core.TestData.RESERVE;
import static io.symphainy.runtime.core.TestData.RETRY_POLICY;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SESSION_ID;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.capability;
import static io.symphainy.runtime.core.TestData.step;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.SignalWait;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.saga.messages.DeliverSignalCommand;
import io.symphainy.runtime.core.saga.messages.PlannedSignal;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.SignalKeptEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An order capability whose second step waits for an approval signal: reserve (compensable), approval (waits for
 * signal {@code approved} for a minute; its payload must carry a boolean {@code ok}), notify.
 */
final class SignalTestData {

    static final String WAITING_CAPABILITY = "orders.place-approved-order";
    static final String APPROVAL = "approval";
    static final String SIGNAL = "approved";
    static final Duration WAIT = Duration.ofMinutes(1);
    static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    static final Map<String, Object> PAYLOAD = Map.of("ok", true);
    static final String KEY = "signal-key-1";
    static final String SIGNAL_SCHEMA = """
            {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}""";

    private SignalTestData() {
    }

    static CapabilityDefinition waitingCapability(boolean timeoutRetryable) {
        SignalWait wait = SignalWait.named(SIGNAL, WAIT).withPayloadSchema(SIGNAL_SCHEMA);
        return capability(WAITING_CAPABILITY, "orders", Set.of("orders.place-approved"), INPUT_SCHEMA, List.of(
                step(RESERVE, SideEffectClass.IDEMPOTENT).compensatedBy(context -> StepResult.success()),
                StepDefinition.awaitSignal(APPROVAL, timeoutRetryable ? wait.retryableOnTimeout() : wait),
                step(NOTIFY, SideEffectClass.NON_REPEATABLE)));
    }

    static List<PlannedStep> waitingPlan(boolean timeoutRetryable) {
        return List.of(
                new PlannedStep(0, RESERVE, SideEffectClass.IDEMPOTENT, true, 30_000),
                new PlannedStep(1, APPROVAL, SideEffectClass.PURE, false, WAIT.toMillis(),
                        new PlannedSignal(SIGNAL, timeoutRetryable)),
                new PlannedStep(2, NOTIFY, SideEffectClass.NON_REPEATABLE, false, 30_000));
    }

    static SagaStartedEvent waitingSagaStarted(boolean timeoutRetryable) {
        return new SagaStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID, WAITING_CAPABILITY,
                waitingPlan(timeoutRetryable), RETRY_POLICY);
    }

    static String nameOf(int stepIndex) {
        return waitingPlan(false).get(stepIndex).name();
    }

    static StepStartedEvent started(int stepIndex, int attempt) {
        return new StepStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, stepIndex, nameOf(stepIndex), attempt);
    }

    static StepSucceededEvent succeeded(int stepIndex, int attempt, Map<String, Object> facts, long millis) {
        return new StepSucceededEvent(SAGA_ID, EXECUTION_ID, TENANT, stepIndex, nameOf(stepIndex), attempt, Map.of(),
                facts, millis);
    }

    static StepAwaitingSignalEvent awaiting(int attempt, Instant since, boolean timeoutRetryable) {
        return new StepAwaitingSignalEvent(SAGA_ID, EXECUTION_ID, TENANT, 1, APPROVAL, attempt, SIGNAL,
                since.plus(WAIT), timeoutRetryable);
    }

    static DeliverSignalCommand deliver(String signal, Map<String, Object> payload, String key) {
        return new DeliverSignalCommand(SAGA_ID, TENANT, signal, payload, key);
    }

    static SignalDeliveredEvent delivered(int attempt, String key) {
        return new SignalDeliveredEvent(SAGA_ID, EXECUTION_ID, TENANT, 1, APPROVAL, attempt, SIGNAL, PAYLOAD, key);
    }

    static SignalKeptEvent kept(String key) {
        return new SignalKeptEvent(SAGA_ID, EXECUTION_ID, TENANT, 1, APPROVAL, SIGNAL, PAYLOAD, key);
    }
}
