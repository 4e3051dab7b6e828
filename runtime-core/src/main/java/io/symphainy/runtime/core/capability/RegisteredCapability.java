package io.symphainy.runtime.core.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.SignalWait;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.saga.messages.PlannedSignal;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A capability the Curator accepted: its definition, its compiled input schema (and its wait steps' signal schemas)
 * and its step plan.
 */
public final class RegisteredCapability {

    private static final ObjectMapper PAYLOADS = new ObjectMapper();

    private final CapabilityDefinition definition;
    private final JsonSchema inputSchema;
    private final Map<Integer, JsonSchema> signalSchemas;
    private final Duration defaultStepTimeout;
    private final List<PlannedStep> plan;
    private final boolean waitsForSignals;

    RegisteredCapability(CapabilityDefinition definition, JsonSchema inputSchema,
                         Map<Integer, JsonSchema> signalSchemas, Duration defaultStepTimeout) {
        this.definition = definition;
        this.inputSchema = inputSchema;
        this.signalSchemas = Map.copyOf(signalSchemas);
        this.defaultStepTimeout = defaultStepTimeout;
        this.plan = IntStream.range(0, definition.steps().size())
                .mapToObj(index -> planned(index, definition.steps().get(index), defaultStepTimeout))
                .toList();
        this.waitsForSignals = definition.steps().stream().anyMatch(StepDefinition::waitsForSignal);
    }

    private static PlannedStep planned(int index, StepDefinition step, Duration defaultStepTimeout) {
        Duration timeout = step.timeout() == null ? defaultStepTimeout : step.timeout();
        PlannedStep planned = new PlannedStep(index, step.name(), step.sideEffect(), step.compensable(),
                timeout.toMillis());
        return step.waitsForSignal() ? planned.waitingFor(new PlannedSignal(fixedName(step.signalWait()),
                step.signalWait().timeoutRetryable()), timeout.toMillis()) : planned;
    }

    private static String fixedName(SignalWait wait) {
        try {
            return wait.signalFor(Map.of());
        } catch (RuntimeException dependsOnThePayload) {
            return null;
        }
    }

    /** The definition as the realm declared it. */
    public CapabilityDefinition definition() {
        return definition;
    }

    /** The capability's name. */
    public String name() {
        return definition.name();
    }

    /** The capability's version. */
    public String version() {
        return definition.version();
    }

    /** The capability's name and version, as people read them: {@code content.parse v2}. */
    public String label() {
        return definition.name() + " v" + definition.version();
    }

    /** The steps with their timeouts resolved, as a saga records them when it starts. */
    public List<PlannedStep> plan() {
        return plan;
    }

    /**
     * The plan of an execution with the given intent payload: the same plan, with each wait step's signal name and
     * timeout read from the payload (a wait that names no signal waits for one named after its step).
     */
    public List<PlannedStep> planFor(Map<String, Object> payload) {
        if (!waitsForSignals) {
            return plan;
        }
        return plan.stream().map(step -> {
            SignalWait wait = definition.steps().get(step.index()).signalWait();
            if (wait == null) {
                return step;
            }
            String name = wait.signalFor(payload);
            Duration timeout = wait.timeoutFor(payload);
            return step.waitingFor(new PlannedSignal(name == null ? step.name() : name, wait.timeoutRetryable()),
                    timeout == null ? defaultStepTimeout.toMillis() : timeout.toMillis());
        }).toList();
    }

    /** Whether a step of this capability waits for a signal. */
    public boolean waitsForSignals() {
        return waitsForSignals;
    }

    /** The step at the given position. */
    public StepDefinition step(int index) {
        return definition.steps().get(index);
    }

    /** The violations of the input schema by the given payload, as readable sentences; empty when it is valid. */
    public List<String> violationsOf(JsonNode payload) {
        return violations(inputSchema, payload);
    }

    /** The violations of the signal schema of the given wait step by a signal's payload; empty when it is valid. */
    public List<String> signalViolationsOf(int stepIndex, Map<String, Object> payload) {
        JsonSchema schema = signalSchemas.get(stepIndex);
        return schema == null ? List.of() : violations(schema, PAYLOADS.valueToTree(payload));
    }

    private static List<String> violations(JsonSchema schema, JsonNode payload) {
        return schema.validate(payload).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
