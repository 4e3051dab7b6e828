package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.spi.Step;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.config.SagaProperties;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.observability.LogContext;
import io.symphainy.runtime.core.quota.QuotaProperties;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.worker.StepAttempts.Attempted;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The runtime-owned worker that runs step attempts, outside every aggregate and off the event processors' threads.
 *
 * <p>An attempt runs once the transaction that recorded its start has committed, on this node: whoever records a
 * start runs it (the intake the first step, the worker the step after a success, the coordinator a retry or an
 * approved execution, the loss scan a compensation). It runs with its step's timeout, and its outcome goes to the saga
 * through the {@link StepOutcomeReporter}; the saga's answer names the attempt the outcome started, which the worker
 * runs next. An attempt that hangs is reported as a retryable timeout when its time is up; one lost with its node is
 * found by the loss scan ({@link LostAttempts}). Attempts waiting for a thread are served tenant by tenant in turn, and
 * while several tenants have attempts to run each runs on at most {@link QuotaProperties#maxWorkerShare()} of the
 * threads ({@link TenantThreadPool}): one tenant's thousands of waiting attempts, or its slow steps, do not hold up
 * another's. An attempt
 * whose capability version this node lacks does not run: it waits for a node that has the version
 * ({@link VersionWaits}).
 */
@Component
public class StepWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StepWorker.class);

    private final StepPlans plans;
    private final StepContextLoader contexts;
    private final StepOutcomeReporter reporter;
    private final VersionWaits versionWaits;
    private final SagaProperties properties;
    private final TenantThreadPool steps;
    private final ScheduledExecutorService timer;

    StepWorker(Curator curator, StepContextLoader contexts, StepOutcomeReporter reporter, VersionWaits versionWaits,
               SagaProperties properties, QuotaProperties quotas) {
        this.plans = new StepPlans(curator, properties.defaultStepTimeout());
        this.contexts = contexts;
        this.reporter = reporter;
        this.versionWaits = versionWaits;
        this.properties = properties;
        this.steps = TenantThreadPool.start(properties.workerThreads(), properties.workerQueueCapacity(),
                quotas.maxWorkerShare());
        this.timer = StepAttempts.cutOffTimer();
    }

    /** How long after its start an attempt without a recorded outcome counts as lost: its timeout plus the grace. */
    public Duration lossDeadline(StepInvocation invocation) {
        return plans.timeoutOf(invocation).plus(properties.timeoutGrace());
    }

    /** Runs the attempt once the current unit of work commits (now when there is none), reading its context. */
    public void runAfterCommit(StepInvocation invocation) {
        runAfterCommit(invocation, contexts::load);
    }

    /**
     * Runs a saga's first attempt once the current unit of work commits, with the context built from the accepted
     * intent as the unit of work records it, without reading the event store.
     */
    public void runAfterCommit(StepInvocation invocation, IntentAcceptedEvent intent) {
        runAfterCommit(invocation,
                (attempt, stepName) -> StepContexts.fromEvents(List.of(intent), List.of(), attempt, stepName));
    }

    /** Step attempts waiting for a thread of this node's worker, or for their outcome to be recorded. */
    public int backlog() {
        return steps.waiting() + reporter.waiting();
    }

    /** The tenant's step attempts waiting for a thread of this node's worker, or for their outcome to be recorded. */
    public int backlogOf(TenantId tenant) {
        return steps.waitingOf(tenant) + reporter.waitingOf(tenant);
    }

    /** Tenants with step attempts waiting for a thread of this node's worker. */
    public int backloggedTenants() {
        return steps.waitingTenants();
    }

    private void runAfterCommit(StepInvocation invocation, StepContextSource source) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> submit(invocation, source));
        } else {
            submit(invocation, source);
        }
    }

    private void submit(StepInvocation invocation, StepContextSource source) {
        long started = System.nanoTime();
        if (!plans.hasVersionOf(invocation)) {
            versionWaits.awaitOn(steps, invocation);
            return;
        }
        Optional<StepDefinition> definition = plans.definitionOf(invocation);
        Optional<Step> work = definition
                .map(step -> invocation.phase() == StepPhase.FORWARD ? step.action() : step.compensation());
        if (work.isEmpty()) {
            report(invocation, new Attempted(null, StepResult.permanentFailure(StepFailureCodes.STEP_UNAVAILABLE,
                    "capability '" + invocation.capability() + "' has no step " + invocation.stepIndex())), 0);
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
                report(invocation, new Attempted(null, timedOut), elapsedMillis(started));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        TenantTask attempt = new TenantTask(invocation.tenantId(), () -> {
            try (LogContext ignored = StepAttempts.logContext(invocation, stepName)) {
                Attempted attempted = StepAttempts.run(work.get(), stepName, invocation, source);
                if (outcome.complete(attempted.result())) {
                    cutOff.cancel(false);
                    report(invocation, attempted, elapsedMillis(started));
                }
            }
        });
        try {
            running.set(attempt);
            steps.execute(attempt);
        } catch (RejectedExecutionException saturated) {
            cutOff.cancel(false);
            log.warn("Step worker is saturated; the loss scan will count {} as timed out and retry it", invocation);
        }
    }

    /** Hands the outcome to the reporter; runs the attempt the saga answers it started, once that is recorded. */
    private void report(StepInvocation invocation, Attempted attempted, long durationMillis) {
        reporter.report(new StepOutcomeReporter.Report(invocation, attempted.result(), durationMillis,
                (answer, failure) -> {
                    if (failure == null && answer instanceof NextAttempt started) {
                        StepInvocation next = invocation.next(started);
                        submit(next, sourceFollowing(invocation, attempted, next));
                    }
                }));
    }

    /**
     * Where the next attempt's context comes from: for the step right after a success, what this attempt ran with and
     * the outputs just recorded; else (also after a wait a kept signal completed) the event store.
     */
    private StepContextSource sourceFollowing(StepInvocation done, Attempted attempted, StepInvocation next) {
        if (attempted.context() == null || !(attempted.result() instanceof StepResult.Succeeded success)
                || done.phase() != StepPhase.FORWARD || next.phase() != StepPhase.FORWARD
                || next.stepIndex() != done.stepIndex() + 1) {
            return contexts::load;
        }
        return (attempt, stepName) -> StepContexts.following(attempted.context(), success, attempt, stepName);
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        steps.shutdownNow();
    }
}
