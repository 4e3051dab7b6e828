package io.symphainy.runtime.core.capability.spi;

/**
 * A step whose one outside input (a reasoning model's answer) is recorded in its own output. A full replay runs
 * {@link #replay} instead of {@link #run}: the step's code runs again, on the recorded input, and nothing outside
 * is called; the replay reports it as {@code re_run_recorded_input}.
 */
public interface RecordedInputStep extends Step {

    /** The step run again with the outside input taken from what its recorded attempt produced. */
    StepResult replay(StepContext context, StepOutputs recorded) throws Exception;

    /**
     * How a run against today's outside input (an operator's choice in a replay) differs from the recorded one, for
     * people reading the replay; empty when the step has nothing to say beyond the verdict.
     */
    default java.util.Map<String, Object> difference(StepOutputs recorded, StepOutputs recomputed) {
        return java.util.Map.of();
    }
}
