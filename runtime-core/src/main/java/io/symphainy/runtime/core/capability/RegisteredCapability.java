package io.symphainy.runtime.core.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A capability the Curator accepted: its definition, its compiled input schema and its step plan.
 */
public final class RegisteredCapability {

    private final CapabilityDefinition definition;
    private final JsonSchema inputSchema;
    private final List<PlannedStep> plan;

    RegisteredCapability(CapabilityDefinition definition, JsonSchema inputSchema, Duration defaultStepTimeout) {
        this.definition = definition;
        this.inputSchema = inputSchema;
        this.plan = IntStream.range(0, definition.steps().size())
                .mapToObj(index -> planned(index, definition.steps().get(index), defaultStepTimeout))
                .toList();
    }

    private static PlannedStep planned(int index, StepDefinition step, Duration defaultStepTimeout) {
        Duration timeout = step.timeout() == null ? defaultStepTimeout : step.timeout();
        return new PlannedStep(index, step.name(), step.sideEffect(), step.compensable(), timeout.toMillis());
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

    /** The step at the given position. */
    public StepDefinition step(int index) {
        return definition.steps().get(index);
    }

    /** The violations of the input schema by the given payload, as readable sentences; empty when it is valid. */
    public List<String> violationsOf(JsonNode payload) {
        return inputSchema.validate(payload).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
