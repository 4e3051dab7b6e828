package io.symphainy.runtime.core.agent;

import io.symphainy.runtime.core.agent.spi.AgentContext;
import io.symphainy.runtime.core.agent.spi.AgentFailure;
import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.agent.spi.GatheringStep;
import io.symphainy.runtime.core.capability.spi.Step;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gathering step of an agent: calls its tool through {@link ToolCalls} when it has one, runs its gatherer over
 * what it may read and records the facts (and the tool call) as the step's output.
 */
final class GatheringAction implements Step {

    private final GatheringStep step;
    private final String questionField;
    private final List<String> gatheringSteps;
    private final ToolCalls tools;
    private final AgentProperties properties;

    GatheringAction(GatheringStep step, String questionField, List<String> gatheringSteps, ToolCalls tools,
                    AgentProperties properties) {
        this.step = step;
        this.questionField = questionField;
        this.gatheringSteps = gatheringSteps;
        this.tools = tools;
        this.properties = properties;
    }

    @Override
    public StepResult run(StepContext context) {
        try {
            String question = AgentFacts.question(context, questionField, properties);
            List<Fact> soFar = AgentFacts.gathered(context.outputs(), gatheringSteps);
            AgentContext agent = new AgentContext(context.tenantId(), context.sessionId(), context.executionId(),
                    question, context.payload(), soFar, context.outputs(), Map.of());
            Map<String, Object> facts = new LinkedHashMap<>();
            if (step.callsTool()) {
                ToolCalls.ToolResult call = tools.call(context, step.toolIntent(), step.toolInput().payload(agent));
                facts.put("tool_call", call.record());
                agent = new AgentContext(agent.tenantId(), agent.sessionId(), agent.executionId(), question,
                        agent.payload(), soFar, agent.outputs(), call.output());
            }
            List<Fact> gathered = step.gatherer().gather(agent);
            AgentFacts.checkBounds(gathered, properties);
            facts.put(AgentFacts.GATHERED, gathered.stream().map(Fact::toMap).toList());
            facts.put("fact_count", gathered.size());
            return StepResult.success(Map.of(), facts);
        } catch (AgentFailure failure) {
            return new StepResult.Failed(failure.code(), failure.getMessage(), failure.retryable());
        }
    }
}
