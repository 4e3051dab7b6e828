package io.symphainy.runtime.core.agent.spi;

import java.util.Objects;

/**
 * One fact-gathering step of an agent: a deterministic gatherer, optionally fed by a tool the runtime calls first.
 *
 * @param name       the saga step's name
 * @param gatherer   turns what the step may read into facts
 * @param toolIntent the intent type of the capability called as a tool, or {@code null} when the step calls none
 * @param toolInput  the tool's payload, or {@code null} when the step calls no tool
 */
public record GatheringStep(String name, FactGatherer gatherer, String toolIntent, ToolInput toolInput) {

    public GatheringStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gatherer, "gatherer");
        if ((toolIntent == null) != (toolInput == null)) {
            throw new IllegalArgumentException("a tool call needs both its intent type and its input");
        }
    }

    /** A step that gathers from the payload and earlier outputs only. */
    public static GatheringStep of(String name, FactGatherer gatherer) {
        return new GatheringStep(name, gatherer, null, null);
    }

    /**
     * A step that has the runtime call a read-only capability as a tool (under the tenant's policy, with the
     * submitter's roles, recorded as this step's output) and gathers facts from the tool's output.
     */
    public static GatheringStep tool(String name, String toolIntent, ToolInput input, FactGatherer gatherer) {
        return new GatheringStep(name, gatherer, Objects.requireNonNull(toolIntent, "toolIntent"),
                Objects.requireNonNull(input, "input"));
    }

    /** Whether the step calls a tool. */
    public boolean callsTool() {
        return toolIntent != null;
    }
}
