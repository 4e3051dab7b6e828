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
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.config.SagaProperties;
import io.symphainy.runtime.core.saga.messages.SagaCompletion;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/** What the worker does with the saga's answer to the last step's success. */
class StepWorkerTest {

    private static final Map<String, String> REFERENCES = Map.of("notify.id", "notify-ref");
    private static final StepInvocation LAST_STEP = new StepInvocation(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID,
            CAPABILITY, StepPhase.FORWARD, 2, 1);

    private final StepContextLoader contexts = mock(StepContextLoader.class);
    private final StepOutcomeReporter reporter = mock(StepOutcomeReporter.class);
    private StepWorker worker;

    @AfterEach
    void stop() {
        worker.destroy();
    }

    @Test
    void closesTheExecutionAtOnceWhenTheSuccessItReportedCompletedTheSaga() {
        worker = workerWith(SAGA_PROPERTIES);
        answerReportsWith(new SagaCompletion(REFERENCES));
        when(reporter.close(LAST_STEP, REFERENCES)).thenReturn(true);

        worker.runAfterCommit(LAST_STEP);

        verify(reporter, timeout(5_000)).close(LAST_STEP, REFERENCES);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!worker.closedExecution(EXECUTION_ID) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(worker.closedExecution(EXECUTION_ID)).isTrue();
    }

    @Test
    void leavesAnExecutionItFailedToCloseToTheCoordinator() throws InterruptedException {
        worker = workerWith(SAGA_PROPERTIES);
        answerReportsWith(new SagaCompletion(REFERENCES));

        worker.runAfterCommit(LAST_STEP);

        verify(reporter, timeout(5_000)).close(LAST_STEP, REFERENCES);
        Thread.sleep(200);
        assertThat(worker.closedExecution(EXECUTION_ID)).isFalse();
    }

    @Test
    void leavesClosingToTheCoordinatorWhenHandOffsAreOff() throws InterruptedException {
        worker = workerWith(new SagaProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), 2, 100, false));
        answerReportsWith(new SagaCompletion(REFERENCES));

        worker.runAfterCommit(LAST_STEP);

        verify(reporter, timeout(5_000)).report(eq(LAST_STEP), any(), anyLong());
        Thread.sleep(200);
        verify(reporter, never()).close(any(), any());
    }

    @Test
    void closesNothingWhenTheSuccessDidNotCompleteTheSaga() throws InterruptedException {
        worker = workerWith(SAGA_PROPERTIES);
        answerReportsWith(null);

        worker.runAfterCommit(LAST_STEP);

        verify(reporter, timeout(5_000)).report(eq(LAST_STEP), any(), anyLong());
        Thread.sleep(200);
        verify(reporter, never()).close(any(), any());
    }

    private StepWorker workerWith(SagaProperties properties) {
        @SuppressWarnings("unchecked")
        ObjectProvider<EventProcessingConfiguration> noProcessing = mock(ObjectProvider.class);
        when(contexts.load(any(), any())).thenAnswer(call -> context(call.getArgument(0), call.getArgument(1)));
        return new StepWorker(new Curator(List.of(capability()), properties), contexts, reporter, properties,
                noProcessing);
    }

    private void answerReportsWith(Object answer) {
        when(reporter.report(any(), any(), anyLong())).thenReturn(CompletableFuture.completedFuture(answer));
    }

    private static StepContext context(StepInvocation invocation, String stepName) {
        return new StepContext(invocation.tenantId(), invocation.sessionId(), invocation.executionId(), "orders.place",
                invocation.capability(), stepName, invocation.stepIndex(), invocation.attempt(), invocation.phase(),
                Map.of(), Map.of(), Map.of());
    }
}
