package io.symphainy.runtime.core.capability.spi;

/**
 * The work of one step, or of its compensation, written by a realm and run by the runtime's worker.
 *
 * <p>A step computes and returns what it produced; it never records anything itself. Returning a
 * {@link StepResult.Failed} reports a failure the step understood; throwing counts as a retryable failure with
 * code {@code STEP_ERROR}. A step that runs past its timeout is interrupted and counts as a retryable failure with
 * code {@code STEP_TIMEOUT}.
 */
@FunctionalInterface
public interface Step {

    /** Runs the step against an immutable context. */
    StepResult run(StepContext context) throws Exception;
}
