package io.symphainy.runtime.core.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.agent.spi.AgentFailure;
import io.symphainy.runtime.core.agent.spi.AgentFailureCodes;
import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.policy.CommittedPolicies;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import io.symphainy.runtime.core.worker.StepFailureCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs a tool on an agent's behalf, inside the agent's gathering step (which records the call): the tool is a
 * registered capability whose steps are all PURE or IDEMPOTENT, its input must satisfy its schema, and the tenant's
 * current policy must ALLOW it for the submitter and the roles recorded with the agent's intent.
 */
@Component
class ToolCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<Curator> curator;
    private final CommittedPolicies policies;

    ToolCalls(ObjectProvider<Curator> curator, CommittedPolicies policies) {
        this.curator = curator;
        this.policies = policies;
    }

    /** What a tool call produced and the policy decision that let it run. */
    record ToolResult(Map<String, Object> output, Map<String, Object> record) {
    }

    ToolResult call(StepContext agent, String intentType, Map<String, Object> payload) throws AgentFailure {
        RegisteredCapability tool = curator.getObject().forIntentType(intentType).orElseThrow(() ->
                new AgentFailure(AgentFailureCodes.AGENT_TOOL_INVALID, "no capability offers tool " + intentType,
                        false));
        if (tool.definition().steps().stream().map(StepDefinition::sideEffect)
                .anyMatch(effect -> effect != SideEffectClass.PURE && effect != SideEffectClass.IDEMPOTENT)) {
            throw new AgentFailure(AgentFailureCodes.AGENT_TOOL_INVALID, "tool " + intentType + " has side effects;"
                    + " agents may only call PURE and IDEMPOTENT capabilities", false);
        }
        List<String> violations = tool.violationsOf(JSON.valueToTree(payload));
        if (!violations.isEmpty()) {
            throw new AgentFailure(AgentFailureCodes.AGENT_TOOL_INVALID, "input of tool " + intentType
                    + " violates its schema: " + violations, false);
        }
        PolicyDecision recorded = agent.policyDecision();
        Set<String> roles = recorded == null ? Set.of() : recorded.roles();
        PolicyDecision decision = policies.decide(new PolicySubject(agent.tenantId(), agent.submittedBy(), roles,
                intentType, tool.definition().realm(), tool.definition().effectiveRiskLevel(), payload));
        if (decision.decision() != Decision.ALLOW) {
            throw new AgentFailure(AgentFailureCodes.AGENT_TOOL_DENIED, "policy v" + decision.policyVersion()
                    + " rule '" + decision.rule() + "' decided " + decision.decision() + " for tool " + intentType,
                    false);
        }
        Map<String, StepOutputs> outputs = new LinkedHashMap<>();
        Map<String, Object> output = Map.of();
        for (int index = 0; index < tool.definition().steps().size(); index++) {
            StepDefinition step = tool.step(index);
            StepContext context = new StepContext(agent.tenantId(), agent.sessionId(), agent.executionId(),
                    intentType, tool.name(), step.name(), index, agent.attempt(), agent.phase(), payload,
                    agent.metadata(), outputs, agent.submittedBy(), decision);
            output = facts(intentType, run(step, context));
            outputs.put(step.name(), new StepOutputs(Map.of(), output));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("intent_type", intentType);
        record.put("capability", tool.name());
        record.put("payload", payload);
        record.put("policy_decision", decision.decision().name());
        record.put("policy_rule", decision.rule());
        record.put("policy_version", decision.policyVersion());
        return new ToolResult(output, record);
    }

    private static StepResult run(StepDefinition step, StepContext context) throws AgentFailure {
        try {
            return step.action().run(context);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AgentFailure(StepFailureCodes.STEP_TIMEOUT, "tool step " + step.name() + " was interrupted", true);
        } catch (Exception thrown) {
            throw new AgentFailure(StepFailureCodes.STEP_ERROR, "tool step " + step.name() + " failed: " + thrown, true, thrown);
        }
    }

    private static Map<String, Object> facts(String intentType, StepResult result) throws AgentFailure {
        if (result instanceof StepResult.Failed failed) {
            throw new AgentFailure(failed.code(), "tool " + intentType + ": " + failed.message(), failed.retryable());
        }
        return result == null ? Map.of() : ((StepResult.Succeeded) result).facts();
    }
}
