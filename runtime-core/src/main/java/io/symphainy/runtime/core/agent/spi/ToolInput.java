package io.symphainy.runtime.core.agent.spi;

import java.util.Map;

/**
 * Builds the payload of a tool call from what the agent knows; the runtime checks it against the tool's input schema.
 */
@FunctionalInterface
public interface ToolInput {

    /** The tool's payload. */
    Map<String, Object> payload(AgentContext context) throws AgentFailure;
}
