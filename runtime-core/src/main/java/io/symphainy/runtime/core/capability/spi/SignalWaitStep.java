package io.symphainy.runtime.core.capability.spi;

import java.util.Map;

/**
 * The action of a wait step. The runtime never runs it: the saga records the wait instead of starting an attempt,
 * and the delivered signal's payload is the step's recorded output. A full replay feeds that recorded payload back.
 */
final class SignalWaitStep implements RecordedInputStep {

    /** Failure code if anything ever ran a wait step as ordinary work. */
    static final String NOT_RUNNABLE = "SIGNAL_WAIT_NOT_RUNNABLE";

    @Override
    public StepResult run(StepContext context) {
        return StepResult.permanentFailure(NOT_RUNNABLE, "step '" + context.stepName()
                + "' waits for a signal; it is completed by delivering one, not run");
    }

    @Override
    public StepResult replay(StepContext context, StepOutputs recorded) {
        return StepResult.success(recorded.references(), recorded.facts());
    }

    @Override
    public Map<String, Object> difference(StepOutputs recorded, StepOutputs recomputed) {
        return Map.of();
    }
}
