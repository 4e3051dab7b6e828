package io.symphainy.runtime.core.replay;

import io.symphainy.runtime.core.capability.spi.Step;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.DaemonThreads;
import io.symphainy.runtime.core.worker.StepFailureCodes;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs a step's action for a replay on a thread of its own, cut off at the step's timeout, and turns whatever
 * happens into a result the way the worker does; it reports nothing to any aggregate.
 */
@Component
class ShadowSteps implements DisposableBean {

    private static final int THREADS = 2;

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, DaemonThreads.named("replay-step-"));

    StepResult run(Step action, StepContext context, long timeoutMillis) {
        Future<StepResult> running = threads.submit(() -> action.run(context));
        try {
            StepResult result = running.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return result == null ? StepResult.success() : result;
        } catch (TimeoutException timedOut) {
            running.cancel(true);
            return StepResult.retryableFailure(StepFailureCodes.STEP_TIMEOUT,
                    "replayed attempt ran longer than " + timeoutMillis + " ms");
        } catch (InterruptedException interrupted) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return StepResult.retryableFailure(StepFailureCodes.STEP_TIMEOUT, "replay was interrupted");
        } catch (ExecutionException thrown) {
            Throwable cause = thrown.getCause();
            return StepResult.retryableFailure(StepFailureCodes.STEP_ERROR,
                    cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
