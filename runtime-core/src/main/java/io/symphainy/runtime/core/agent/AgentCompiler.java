package io.symphainy.runtime.core.agent;

import io.symphainy.runtime.core.agent.spi.AgentDefinition;
import io.symphainy.runtime.core.agent.spi.AgentFailureCodes;
import io.symphainy.runtime.core.agent.spi.GatheringStep;
import io.symphainy.runtime.core.agent.spi.ReasoningModel;
import io.symphainy.runtime.core.capability.CapabilityRegistrationException;
import io.symphainy.runtime.core.capability.CapabilitySource;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns every {@link AgentDefinition} bean into a capability the Curator registers: its gathering steps (PURE), then
 * {@value #REASON} (IDEMPOTENT: it asks a model, changing nothing; replay runs it on the recorded answer) and
 * {@value #VALIDATE} (PURE). Agents are never deterministic, and never retry their permanent failure codes.
 */
@Component
class AgentCompiler implements CapabilitySource {

    static final String REASON = "reason";
    static final String VALIDATE = "validate";
    private static final Duration MODEL_GRACE = Duration.ofSeconds(5);

    private final List<AgentDefinition> agents;
    private final ReasoningModel model;
    private final ToolCalls tools;
    private final AgentProperties properties;
    private final RuntimeMeters meters;

    AgentCompiler(List<AgentDefinition> agents, ReasoningModel model, ToolCalls tools, AgentProperties properties,
                  RuntimeMeters meters) {
        this.agents = agents;
        this.model = model;
        this.tools = tools;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public List<CapabilityDefinition> capabilities() {
        return agents.stream().map(this::compile).toList();
    }

    private CapabilityDefinition compile(AgentDefinition agent) {
        return compile(agent, model, tools, properties, meters::agentModelCalled);
    }

    /** The capability of one agent; {@code tools} may be null when no gathering step calls a tool. */
    static CapabilityDefinition compile(AgentDefinition agent, ReasoningModel model, ToolCalls tools,
                                        AgentProperties properties, ReasoningAction.ModelCalls calls) {
        List<String> gatheringNames = agent.gathering().stream().map(GatheringStep::name).toList();
        Set<String> names = new HashSet<>(List.of(REASON, VALIDATE));
        List<StepDefinition> steps = new ArrayList<>();
        for (GatheringStep step : agent.gathering()) {
            if (!names.add(step.name())) {
                throw new CapabilityRegistrationException("agent '" + agent.name() + "' names step '" + step.name()
                        + "' twice or takes a name of the runtime's (reason, validate)");
            }
            steps.add(StepDefinition.of(step.name(), SideEffectClass.PURE,
                    new GatheringAction(step, agent.questionField(), gatheringNames, tools, properties)));
        }
        steps.add(StepDefinition.of(REASON, SideEffectClass.IDEMPOTENT,
                        new ReasoningAction(agent, gatheringNames, model, properties, calls))
                .withTimeout(properties.model().timeout().plus(MODEL_GRACE)));
        steps.add(StepDefinition.of(VALIDATE, SideEffectClass.PURE, new ValidationAction(agent, gatheringNames)));
        return new CapabilityDefinition(agent.name(), agent.realm(), agent.intentTypes(), agent.inputSchema(),
                agent.outputDescription(), agent.riskLevel(), false, steps, neverRetryingPermanent(agent));
    }

    private static RetryPolicy neverRetryingPermanent(AgentDefinition agent) {
        RetryPolicy declared = agent.retryPolicy();
        Set<String> codes = new HashSet<>(declared.nonRetryableCodes());
        codes.addAll(AgentFailureCodes.PERMANENT);
        return new RetryPolicy(declared.maxAttempts(), declared.initialDelay(), declared.multiplier(),
                declared.maxDelay(), codes);
    }
}
