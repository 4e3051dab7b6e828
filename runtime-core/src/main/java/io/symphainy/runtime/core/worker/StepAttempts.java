package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.spi.Step;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.observability.LogContext;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs one attempt's work on the calling thread: builds its context, runs the step and turns whatever the step throws
 * into a failure the saga can decide on; names the attempt in every log line it writes meanwhile.
 */
final class StepAttempts {

    /** An attempt's outcome and the context it ran with ({@code null} when the context could not be built). */
    record Attempted(StepContext context, StepResult result) {
    }

    /** The worker's logger, so the attempts' failures keep the log category they always had. */
    private static final Logger log = LoggerFactory.getLogger(StepWorker.class);

    private StepAttempts() {
    }

    /** Runs the attempt; an interruption (its timeout) is a retryable timeout, anything thrown a retryable error. */
    static Attempted run(Step work, String stepName, StepInvocation invocation, StepContextSource source) {
        StepContext context = null;
        try {
            context = source.contextOf(invocation, stepName);
            StepResult result = work.run(context);
            return new Attempted(context, result == null ? StepResult.success() : result);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Attempted(context,
                    StepResult.retryableFailure(StepFailureCodes.STEP_TIMEOUT, "attempt was interrupted"));
        } catch (Exception | LinkageError error) {
            log.warn("Step attempt {} threw", invocation, error);
            return new Attempted(context, StepResult.retryableFailure(StepFailureCodes.STEP_ERROR,
                    error.getClass().getSimpleName() + ": " + error.getMessage()));
        }
    }

    /** Every log line of an attempt names its tenant, session, execution, step and attempt. */
    static LogContext logContext(StepInvocation invocation, String stepName) {
        return LogContext.open().put(LogContext.TENANT_ID, invocation.tenantId())
                .put(LogContext.SESSION_ID, invocation.sessionId())
                .put(LogContext.EXECUTION_ID, invocation.executionId())
                .put(LogContext.STEP, stepName)
                .put(LogContext.ATTEMPT, invocation.attempt());
    }

    /** The single thread that cuts off attempts running past their timeout; cancelled cut-offs leave its queue. */
    static ScheduledExecutorService cutOffTimer() {
        ScheduledThreadPoolExecutor cutOffs = new ScheduledThreadPoolExecutor(1,
                new CustomizableThreadFactory("step-timer-"));
        cutOffs.setRemoveOnCancelPolicy(true);
        return cutOffs;
    }
}
