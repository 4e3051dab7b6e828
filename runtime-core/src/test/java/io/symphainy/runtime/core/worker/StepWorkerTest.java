package io.symphainy.runtime.core.worker;

import static io.symphainy.runtime.core.TestData.CAPABILITY;
import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.SESSION_ID;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.capability;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.config.SagaProperties;
import io.symphainy.runtime.core.quota.QuotaProperties;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SagaCompletion;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the worker does with the saga's answer to the outcome it reported. */
class StepWorkerTest {

    private static final StepInvocation FIRST_STEP = invocation(StepPhase.FORWARD, 0, 1);
    private static final QuotaProperties HALF_THE_THREADS = new QuotaProperties(Map.of(), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1), 0.25, 0.5);
    private static final SagaProperties FOUR_THREADS = new SagaProperties(Duration.ofSeconds(30),
            Duration.ofSeconds(5), 4, 1000, 32, 1, Duration.ofSeconds(1));
    private static final TenantId OTHER = new TenantId("tenant-other");

    private final StepContextLoader contexts = mock(StepContextLoader.class);
    private final StepOutcomeReporter reporter = mock(StepOutcomeReporter.class);
    private final VersionWaits versionWaits = mock(VersionWaits.class);
    private final List<StepInvocation> reported = new CopyOnWriteArrayList<>();
    private StepWorker worker;

    @AfterEach
    void stop() {
        worker.destroy();
    }

    @Test
    void runsTheNextStepTheSagaStartedWithTheContextItHoldsWithoutReadingTheStore() {
        worker = workerAnswering(report -> report.invocation().stepIndex() == 0
                ? new NextAttempt(StepPhase.FORWARD, 1, 1, CAPABILITY, "1") : null);

        worker.runAfterCommit(FIRST_STEP);

        awaitReported(2);
        assertThat(reported).containsExactly(FIRST_STEP, invocation(StepPhase.FORWARD, 1, 1));
        verify(contexts).load(FIRST_STEP, "reserve");
        verify(contexts, never()).load(invocation(StepPhase.FORWARD, 1, 1), "charge");
    }

    @Test
    void runsACompensationTheSagaStartedWithTheContextTheStoreHolds() {
        worker = workerAnswering(report -> report.invocation().phase() == StepPhase.FORWARD
                ? new NextAttempt(StepPhase.COMPENSATION, 0, 1, CAPABILITY, "1") : null);

        worker.runAfterCommit(FIRST_STEP);

        awaitReported(2);
        assertThat(reported).containsExactly(FIRST_STEP, invocation(StepPhase.COMPENSATION, 0, 1));
        verify(contexts, timeout(5_000)).load(invocation(StepPhase.COMPENSATION, 0, 1), "reserve");
    }

    @Test
    void runsNothingMoreWhenTheSuccessCompletedTheSaga() throws InterruptedException {
        worker = workerAnswering(report -> new SagaCompletion(Map.of("order.id", "order-42")));

        worker.runAfterCommit(FIRST_STEP);

        awaitReported(1);
        Thread.sleep(200);
        assertThat(reported).containsExactly(FIRST_STEP);
    }

    @Test
    void runsNothingMoreWhenTheOutcomeCouldNotBeRecorded() throws InterruptedException {
        worker = workerWith();
        doAnswer(call -> {
            StepOutcomeReporter.Report report = call.getArgument(0);
            reported.add(report.invocation());
            report.recorded().accept(new NextAttempt(StepPhase.FORWARD, 1, 1, CAPABILITY, "1"),
                    new IllegalStateException("database gone"));
            return null;
        }).when(reporter).report(any());

        worker.runAfterCommit(FIRST_STEP);

        awaitReported(1);
        Thread.sleep(200);
        assertThat(reported).containsExactly(FIRST_STEP);
    }

    @Test
    void aTenantsSingleAttemptRunsBetweenTheAttemptsAnotherTenantQueuedBeforeIt() {
        TenantId quiet = new TenantId("tenant-quiet");
        StepInvocation quietAttempt = new StepInvocation(SAGA_ID, EXECUTION_ID, quiet, SESSION_ID, CAPABILITY, "1",
                StepPhase.FORWARD, 0, 1);
        worker = workerAnswering(report -> null, new SagaProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), 1,
                1000, 32, 1, Duration.ofSeconds(1)));
        doAnswer(call -> {
            Thread.sleep(2);
            return context(call.getArgument(0), call.getArgument(1));
        }).when(contexts).load(any(), any());

        for (int attempt = 1; attempt <= 200; attempt++) {
            worker.runAfterCommit(invocation(StepPhase.FORWARD, 0, attempt));
        }
        int ranBefore = reported.size();
        worker.runAfterCommit(quietAttempt);

        awaitReported(201);
        assertThat(reported.indexOf(quietAttempt)).as("place of the quiet tenant's attempt, %d ran before it came",
                ranBefore).isLessThanOrEqualTo(ranBefore + 2);
    }

    @Test
    void aTenantAloneRunsOnEveryThread() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        worker = workerAnswering(report -> null, FOUR_THREADS);
        AtomicInteger running = blockingSteps(release);

        for (int attempt = 1; attempt <= 6; attempt++) {
            worker.runAfterCommit(invocation(StepPhase.FORWARD, 0, attempt));
        }

        awaitRunning(running, 4);
        Thread.sleep(200);
        assertThat(running).hasValue(4);
        release.countDown();
        awaitReported(6);
    }

    @Test
    void whileAnotherTenantRunsStepsOneTenantsSlowStepsHoldAtMostItsShareOfTheThreads() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        worker = workerAnswering(report -> null, FOUR_THREADS);
        AtomicInteger running = blockingSteps(release);
        worker.runAfterCommit(attemptOf(OTHER, 1));
        awaitReported(1);

        for (int attempt = 1; attempt <= 6; attempt++) {
            worker.runAfterCommit(invocation(StepPhase.FORWARD, 0, attempt));
        }
        awaitRunning(running, 2);
        Thread.sleep(200);
        assertThat(running).as("the slow tenant's attempts running on 4 threads").hasValue(2);
        worker.runAfterCommit(attemptOf(OTHER, 2));

        awaitReported(2);
        assertThat(reported).containsExactly(attemptOf(OTHER, 1), attemptOf(OTHER, 2));
        release.countDown();
        awaitReported(8);
    }

    /** Steps of {@code TENANT} that block until released, counting how many run now; other tenants' do not block. */
    private AtomicInteger blockingSteps(CountDownLatch release) {
        AtomicInteger running = new AtomicInteger();
        doAnswer(call -> {
            StepInvocation invocation = call.getArgument(0);
            if (invocation.tenantId().equals(TENANT)) {
                running.incrementAndGet();
                try {
                    release.await();
                } finally {
                    running.decrementAndGet();
                }
            }
            return context(invocation, call.getArgument(1));
        }).when(contexts).load(any(), any());
        return running;
    }

    private static void awaitRunning(AtomicInteger running, int count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (running.get() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(running).hasValueGreaterThanOrEqualTo(count);
    }

    private static StepInvocation attemptOf(TenantId tenant, int attempt) {
        return attemptOf(tenant, StepPhase.FORWARD, 0, attempt);
    }

    private static StepInvocation attemptOf(TenantId tenant, StepPhase phase, int stepIndex, int attempt) {
        return new StepInvocation(SAGA_ID, EXECUTION_ID, tenant, SESSION_ID, CAPABILITY, "1", phase, stepIndex,
                attempt);
    }

    private StepWorker workerAnswering(Function<StepOutcomeReporter.Report, Object> saga) {
        return workerAnswering(saga, SAGA_PROPERTIES);
    }

    private StepWorker workerAnswering(Function<StepOutcomeReporter.Report, Object> saga,
                                       SagaProperties properties) {
        StepWorker created = workerWith(properties);
        doAnswer(call -> {
            StepOutcomeReporter.Report report = call.getArgument(0);
            reported.add(report.invocation());
            report.recorded().accept(saga.apply(report), null);
            return null;
        }).when(reporter).report(any());
        return created;
    }

    private StepWorker workerWith() {
        return workerWith(SAGA_PROPERTIES);
    }

    private StepWorker workerWith(SagaProperties properties) {
        when(contexts.load(any(), any())).thenAnswer(call -> context(call.getArgument(0), call.getArgument(1)));
        return new StepWorker(new Curator(List.of(capability()), properties), contexts, reporter, versionWaits,
                properties, HALF_THE_THREADS);
    }

    private void awaitReported(int count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (reported.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(reported).hasSizeGreaterThanOrEqualTo(count);
    }

    private static StepInvocation invocation(StepPhase phase, int stepIndex, int attempt) {
        return attemptOf(TENANT, phase, stepIndex, attempt);
    }

    private static StepContext context(StepInvocation invocation, String stepName) {
        return new StepContext(invocation.tenantId(), invocation.sessionId(), invocation.executionId(), "orders.place",
                invocation.capability(), stepName, invocation.stepIndex(), invocation.attempt(), invocation.phase(),
                Map.of(), Map.of(), Map.of());
    }
}
