package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.spi.Step;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.config.SagaProperties;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.observability.LogContext;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SagaCompletion;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The runtime-owned worker that runs step attempts, outside every aggregate and off the event processors' threads.
 *
 * <p>An attempt is handed over only after its start is committed, runs with its step's timeout, and its outcome
 * goes back to the saga as a command. An attempt that hangs is reported as a retryable timeout when its time is up.
 */
@Component
public class StepWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StepWorker.class);

    private final StepPlans plans;
    private final StepContextLoader contexts;
    private final StepOutcomeReporter reporter;
    private final SagaProperties properties;
    private final ThreadPoolExecutor steps;
    private final ScheduledExecutorService timer;
    private final StepHandOffs handOffs = new StepHandOffs();
    private final AtomicLong handedOff = new AtomicLong();
    private final ObjectProvider<EventProcessingConfiguration> processing;

    StepWorker(Curator curator, StepContextLoader contexts, StepOutcomeReporter reporter,
               SagaProperties properties, ObjectProvider<EventProcessingConfiguration> processing) {
        this.plans = new StepPlans(curator, properties.defaultStepTimeout());
        this.contexts = contexts;
        this.reporter = reporter;
        this.properties = properties;
        this.processing = processing;
        this.steps = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(), 60,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(properties.workerQueueCapacity()),
                new CustomizableThreadFactory("step-worker-"));
        this.steps.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor cutOffs = new ScheduledThreadPoolExecutor(1,
                new CustomizableThreadFactory("step-timer-"));
        cutOffs.setRemoveOnCancelPolicy(true);
        this.timer = cutOffs;
    }

    /** How long the persistent deadline waits before it counts the attempt as lost. */
    public Duration lossDeadline(StepInvocation invocation) {
        return plans.timeoutOf(invocation).plus(properties.timeoutGrace());
    }

    /**
     * Runs the attempt once the current unit of work commits, or now when there is none; nothing when this node's
     * worker took the attempt over already (see {@link SagaProperties#handOffNextStep()}).
     */
    public void runAfterCommit(StepInvocation invocation) {
        if (handOffs.takenOver(invocation)) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> submit(invocation));
        } else {
            submit(invocation);
        }
    }

    /**
     * Takes over an attempt whose start the current unit of work records (a saga's first step), and runs it once
     * that commits, on a node that runs every segment of the coordinator; the coordinator then only schedules the
     * attempt's loss deadline when it reads the start. Elsewhere, or with hand-offs off, nothing happens here.
     *
     * @param intent the execution's accepted intent as recorded, from which the first step's context is built without
     *               reading the event store; {@code null} to read it
     */
    public void handOffAfterCommit(StepInvocation invocation, IntentAcceptedEvent intent) {
        if (!properties.handOffNextStep() || !coordinatorHere() || !handOffs.claim(invocation)) {
            return;
        }
        StepContextSource source = intent == null ? contexts::load
                : (attempt, stepName) -> StepContexts.fromEvents(List.of(intent), List.of(), attempt, stepName);
        if (!CurrentUnitOfWork.isStarted()) {
            handedOff.incrementAndGet();
            submit(invocation, source);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.onRollback(rolledBack -> handOffs.release(invocation));
        root.afterCommit(committed -> {
            handedOff.incrementAndGet();
            submit(invocation, source);
        });
    }

    /** Step attempts waiting for a thread of this node's worker. */
    public int backlog() {
        return steps.getQueue().size();
    }

    /** Whether this node's worker closed the execution when its saga completed, so the coordinator need not. */
    public boolean closedExecution(ExecutionId executionId) {
        return handOffs.isClosed(executionId);
    }

    /** Whether this node's worker recorded the attempt's outcome already, so it needs no loss deadline. */
    public boolean outcomeRecorded(StepInvocation invocation) {
        return handOffs.isRecorded(invocation);
    }

    private void submit(StepInvocation invocation) {
        submit(invocation, contexts::load);
    }

    private void submit(StepInvocation invocation, StepContextSource source) {
        long started = System.nanoTime();
        Optional<StepDefinition> definition = plans.definitionOf(invocation);
        Optional<Step> work = definition
                .map(step -> invocation.phase() == StepPhase.FORWARD ? step.action() : step.compensation());
        // Reports go out from the attempt's thread or the timer's, never from the thread that handed the attempt
        // over: that thread's unit of work has already committed.
        if (work.isEmpty()) {
            timer.execute(() -> reporter.report(invocation, StepResult.permanentFailure(
                    StepFailureCodes.STEP_UNAVAILABLE, "capability '" + invocation.capability() + "' has no step "
                            + invocation.stepIndex()), 0));
            return;
        }
        String stepName = definition.get().name();
        Duration timeout = plans.timeoutOf(invocation);
        CompletableFuture<StepResult> outcome = new CompletableFuture<>();
        AtomicReference<Future<?>> running = new AtomicReference<>();
        ScheduledFuture<?> cutOff = timer.schedule(() -> {
            StepResult timedOut = StepResult.retryableFailure(StepFailureCodes.STEP_TIMEOUT,
                    "attempt ran longer than " + timeout.toMillis() + " ms");
            if (outcome.complete(timedOut)) {
                Optional.ofNullable(running.get()).ifPresent(attempt -> attempt.cancel(true));
                reporter.report(invocation, timedOut, elapsedMillis(started));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            running.set(steps.submit(() -> {
                try (LogContext ignored = logContext(invocation, stepName)) {
                    Attempted attempted = attempt(work.get(), stepName, invocation, source);
                    if (outcome.complete(attempted.result())) {
                        cutOff.cancel(false);
                        reportAndHandOff(invocation, attempted, elapsedMillis(started));
                    }
                }
            }));
        } catch (RejectedExecutionException saturated) {
            cutOff.cancel(false);
            log.warn("Step worker is saturated; {} will be retried when its deadline fires", invocation);
        }
    }

    /**
     * Reports the outcome; when a success starts the next step, runs that attempt at once, with the context this one
     * ran with plus the outputs just recorded. The next attempt is claimed before the report commits its start, so
     * this node's coordinator, reading that start, leaves it alone. When the success completed the saga, closes the
     * execution at once; the coordinator, reading the saga's completion later, closes it again, which changes nothing.
     */
    private void reportAndHandOff(StepInvocation invocation, Attempted attempted, long durationMillis) {
        StepResult result = attempted.result();
        Optional<StepInvocation> next = handOffCandidate(invocation, result).filter(handOffs::claim);
        reporter.report(invocation, result, durationMillis).whenComplete((answer, failure) -> {
            if (failure == null) {
                handOffs.recorded(invocation);
                if (answer instanceof SagaCompletion completion && properties.handOffNextStep()
                        && reporter.close(invocation, completion.references())) {
                    handOffs.closed(invocation.executionId());
                }
            }
            next.ifPresent(attempt -> {
                if (failure == null && answer instanceof NextAttempt started && sameAttempt(started, attempt)) {
                    handedOff.incrementAndGet();
                    submit(attempt, followingSource(attempted));
                } else {
                    handOffs.release(attempt);
                }
            });
        });
    }

    private Optional<StepInvocation> handOffCandidate(StepInvocation invocation, StepResult result) {
        if (!properties.handOffNextStep() || invocation.phase() != StepPhase.FORWARD
                || !(result instanceof StepResult.Succeeded)) {
            return Optional.empty();
        }
        if (!plans.hasStepAfter(invocation) || !coordinatorHere()) {
            return Optional.empty();
        }
        return Optional.of(new StepInvocation(invocation.sagaId(), invocation.executionId(), invocation.tenantId(),
                invocation.sessionId(), invocation.capability(), StepPhase.FORWARD, invocation.stepIndex() + 1, 1));
    }

    /** Attempts this worker ran at once after the success that started them, since it was created. */
    long handedOffAttempts() {
        return handedOff.get();
    }

    private static boolean sameAttempt(NextAttempt started, StepInvocation attempt) {
        return started.phase() == attempt.phase() && started.stepIndex() == attempt.stepIndex()
                && started.attempt() == attempt.attempt();
    }

    private boolean coordinatorHere() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        return configuration != null && new CoordinatorSegments(configuration).allHere();
    }

    /** Every log line of an attempt names its tenant, session, execution, step and attempt. */
    private static LogContext logContext(StepInvocation invocation, String stepName) {
        return LogContext.open().put(LogContext.TENANT_ID, invocation.tenantId())
                .put(LogContext.SESSION_ID, invocation.sessionId())
                .put(LogContext.EXECUTION_ID, invocation.executionId())
                .put(LogContext.STEP, stepName)
                .put(LogContext.ATTEMPT, invocation.attempt());
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Where the next step's context comes from: what this attempt ran with, when it loaded one, else the store. */
    private StepContextSource followingSource(Attempted attempted) {
        if (attempted.context() == null || !(attempted.result() instanceof StepResult.Succeeded success)) {
            return contexts::load;
        }
        return (next, stepName) -> StepContexts.following(attempted.context(), success, next, stepName);
    }

    private Attempted attempt(Step work, String stepName, StepInvocation invocation, StepContextSource source) {
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

    /** An attempt's outcome and the context it ran with ({@code null} when the context could not be built). */
    private record Attempted(StepContext context, StepResult result) {
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        steps.shutdownNow();
    }
}
