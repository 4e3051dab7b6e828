package io.symphainy.runtime.core.agent.spi;

import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import java.util.Map;

/**
 * What a fact gatherer may read: the question, the intent's payload, the facts gathered so far and the recorded
 * outputs of earlier steps. It holds no database, no HTTP client and nothing mutable.
 *
 * @param toolOutput for a gathering step that called a tool: the facts the tool's step recorded; empty otherwise
 */
public record AgentContext(
        TenantId tenantId,
        SessionId sessionId,
        ExecutionId executionId,
        String question,
        Map<String, Object> payload,
        List<Fact> factsSoFar,
        Map<String, StepOutputs> outputs,
        Map<String, Object> toolOutput) {

    public AgentContext {
        payload = payload == null ? Map.of() : java.util.Collections.unmodifiableMap(payload);
        factsSoFar = factsSoFar == null ? List.of() : List.copyOf(factsSoFar);
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
        toolOutput = toolOutput == null ? Map.of() : java.util.Collections.unmodifiableMap(toolOutput);
    }
}
