package io.symphainy.runtime.core.worker;

/**
 * Failure codes the runtime itself assigns to step attempts.
 */
public final class StepFailureCodes {

    /** The attempt ran past its step's timeout, or its worker was lost; another attempt may succeed. */
    public static final String STEP_TIMEOUT = "STEP_TIMEOUT";
    /** The step threw instead of returning a result; treated as retryable. */
    public static final String STEP_ERROR = "STEP_ERROR";
    /** A step waited for a signal past its deadline; retryable as the wait step declares. */
    public static final String SIGNAL_TIMEOUT = "SIGNAL_TIMEOUT";
    /** The capability or step is no longer registered in this runtime. */
    public static final String STEP_UNAVAILABLE = "STEP_UNAVAILABLE";

    private StepFailureCodes() {
    }
}
