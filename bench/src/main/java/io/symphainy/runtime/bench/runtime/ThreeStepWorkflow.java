package io.symphainy.runtime.bench.runtime;

/** The peer's workflow: three durable steps that do no work, like {@code diagnostics.echo}. */
public interface ThreeStepWorkflow {

    /** Runs the three steps and answers the last step's result. */
    String run(String message);
}
