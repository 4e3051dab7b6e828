package io.symphainy.runtime.core.agent.spi;

import java.util.List;

/**
 * Turns what the runtime recorded (the payload, earlier steps' outputs, a tool's output) into facts with stable ids;
 * deterministic, so a replay gathers the same facts again.
 */
@FunctionalInterface
public interface FactGatherer {

    /** The facts this step contributes. */
    List<Fact> gather(AgentContext context) throws AgentFailure;
}
