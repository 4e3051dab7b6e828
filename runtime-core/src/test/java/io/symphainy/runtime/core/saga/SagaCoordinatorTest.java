package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.CAPABILITY;
import static io.symphainy.runtime.core.TestData.CHARGE;
import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.FAILURE_CODE;
import static io.symphainy.runtime.core.TestData.FAILURE_MESSAGE;
import static io.symphainy.runtime.core.TestData.NOTIFY;
import static io.symphainy.runtime.core.TestData.RESERVE;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.SESSION_ID;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.abortSaga;
import static io.symphainy.runtime.core.TestData.capability;
import static io.symphainy.runtime.core.TestData.compensationStarted;
import static io.symphainy.runtime.core.TestData.compensationStepFailed;
import static io.symphainy.runtime.core.TestData.compensationStepStarted;
import static io.symphainy.runtime.core.TestData.completeExecution;
import static io.symphainy.runtime.core.TestData.detachExecution;
import static io.symphainy.runtime.core.TestData.executionCancelled;
import static io.symphainy.runtime.core.TestData.failExecution;
import static io.symphainy.runtime.core.TestData.intentAccepted;
import static io.symphainy.runtime.core.TestData.markCompensating;
import static io.symphainy.runtime.core.TestData.recordCompensated;
import static io.symphainy.runtime.core.TestData.retryScheduled;
import static io.symphainy.runtime.core.TestData.retryStep;
import static io.symphainy.runtime.core.TestData.sagaCompensated;
import static io.symphainy.runtime.core.TestData.sagaCompleted;
import static io.symphainy.runtime.core.TestData.sagaFailed;
import static io.symphainy.runtime.core.TestData.startExecution;
import static io.symphainy.runtime.core.TestData.startSaga;
import static io.symphainy.runtime.core.TestData.stepCompensated;
import static io.symphainy.runtime.core.TestData.stepFailed;
import static io.symphainy.runtime.core.TestData.stepStarted;
import static io.symphainy.runtime.core.TestData.stepSucceeded;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.FailExecutionCommand;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepAttemptDeadline;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.worker.StepFailureCodes;
import io.symphainy.runtime.core.worker.StepInvocation;
import io.symphainy.runtime.core.worker.StepWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SagaCoordinatorTest {

    /** What the worker says an attempt may take before it counts as lost; deliberately unlike any step timeout. */
    private static final Duration LOSS_DEADLINE = Duration.ofSeconds(42);
    private static final Duration RETRY_DELAY = Duration.ofMillis(200);

    private SagaTestFixture<SagaCoordinator> fixture;
    private StepWorker worker;

    @BeforeEach
    void setUp() {
        worker = mock(StepWorker.class);
        when(worker.lossDeadline(any())).thenReturn(LOSS_DEADLINE);
        fixture = new SagaTestFixture<>(SagaCoordinator.class);
        fixture.registerResource(new Curator(List.of(capability()), SAGA_PROPERTIES));
        fixture.registerResource(worker);
    }

    // ---- start -----------------------------------------------------------------------------------------------

    @Test
    void startsTheExecutionAndItsSagaWithTheCapabilitysPlanWhenAnIntentIsAccepted() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(intentAccepted())
                .expectActiveSagas(1)
                .expectDispatchedCommands(startExecution(TENANT), startSaga());

        verify(worker).handOffAfterCommit(invocation(StepPhase.FORWARD, 0, 1), intentAccepted());
    }

    @Test
    void onlyFollowsAnExecutionTheIntakeStartedInItsOwnTransaction() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(intentAccepted(), Map.of(MetaDataKeys.STARTED_AT_INTAKE, "true"))
                .expectActiveSagas(1)
                .expectAssociationWith("sagaId", SAGA_ID.toString())
                .expectNoDispatchedCommands();

        verify(worker, never()).handOffAfterCommit(any(), any());
    }

    @Test
    void failsTheExecutionAndEndsWhenTheCapabilityIsNotRegistered() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(intentAccepted("orders.withdrawn"))
                .expectActiveSagas(0)
                .expectDispatchedCommands(
                        new FailExecutionCommand(EXECUTION_ID, TENANT, null, StepFailureCodes.STEP_UNAVAILABLE,
                                "capability 'orders.withdrawn' is not registered"),
                        detachExecution(TENANT, EXECUTION_ID));
    }

    // ---- attempts and their timeouts -------------------------------------------------------------------------

    @Test
    void schedulesTheAttemptsTimeoutAndHandsItToTheWorkerWhenAStepStarts() {
        fixture.givenAPublished(intentAccepted())
                .whenPublishingA(stepStarted(1, 2))
                .expectScheduledDeadlineWithName(LOSS_DEADLINE, SagaCoordinator.STEP_TIMEOUT)
                .expectScheduledDeadline(LOSS_DEADLINE, new StepAttemptDeadline(StepPhase.FORWARD, 1, 2))
                .expectNoDispatchedCommands();

        StepInvocation invocation = invocation(StepPhase.FORWARD, 1, 2);
        verify(worker).lossDeadline(invocation);
        verify(worker).runAfterCommit(invocation);
    }

    @Test
    void schedulesNoTimeoutForAnAttemptWhoseOutcomeTheWorkerRecordedAlready() {
        StepInvocation invocation = invocation(StepPhase.FORWARD, 1, 1);
        when(worker.outcomeRecorded(invocation)).thenReturn(true);

        fixture.givenAPublished(intentAccepted())
                .whenPublishingA(stepStarted(1, 1))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();

        verify(worker, never()).lossDeadline(invocation);
        verify(worker).runAfterCommit(invocation);
    }

    @Test
    void schedulesTheAttemptsTimeoutAndHandsItToTheWorkerWhenACompensationStarts() {
        fixture.givenAPublished(intentAccepted())
                .whenPublishingA(compensationStepStarted(0, 1))
                .expectScheduledDeadlineWithName(LOSS_DEADLINE, SagaCoordinator.STEP_TIMEOUT)
                .expectScheduledDeadline(LOSS_DEADLINE, new StepAttemptDeadline(StepPhase.COMPENSATION, 0, 1))
                .expectNoDispatchedCommands();

        verify(worker).runAfterCommit(invocation(StepPhase.COMPENSATION, 0, 1));
    }

    @Test
    void reportsAnAttemptWithoutOutcomeAsARetryableTimeoutWhenItsDeadlinePasses() {
        fixture.givenAPublished(intentAccepted())
                .andThenAPublished(stepStarted(0, 1))
                .whenTimeElapses(LOSS_DEADLINE)
                .expectTriggeredDeadlinesWithName(SagaCoordinator.STEP_TIMEOUT)
                .expectDispatchedCommands(new RecordStepFailedCommand(SAGA_ID, TENANT, StepPhase.FORWARD, 0, 1,
                        StepFailureCodes.STEP_TIMEOUT, "no outcome was recorded before the attempt's deadline",
                        true, 0));
    }

    static Stream<Arguments> attemptsWithTheirOutcome() {
        return Stream.of(
                Arguments.of(stepStarted(0, 1), stepSucceeded(0, 1)),
                Arguments.of(stepStarted(0, 1), stepFailed(0, 1, FAILURE_CODE, true)),
                Arguments.of(compensationStepStarted(1, 1), stepCompensated(1, 1)),
                Arguments.of(compensationStepStarted(1, 1), compensationStepFailed(1, 1, FAILURE_CODE, true)));
    }

    @ParameterizedTest
    @MethodSource("attemptsWithTheirOutcome")
    void cancelsTheTimeoutOnceTheAttemptReportsAnOutcome(Object started, Object outcome) {
        fixture.givenAPublished(intentAccepted())
                .andThenAPublished(started)
                .whenPublishingA(outcome)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void reportsNoTimeoutForAnAttemptThatSucceeded() {
        fixture.givenAPublished(intentAccepted())
                .andThenAPublished(stepStarted(0, 1))
                .andThenAPublished(stepSucceeded(0, 1))
                .whenTimeElapses(LOSS_DEADLINE)
                .expectNoDispatchedCommands();
    }

    // ---- retries ---------------------------------------------------------------------------------------------

    @Test
    void schedulesTheNextAttemptAfterExactlyTheRetryDelay() {
        fixture.givenAPublished(intentAccepted())
                .andThenAPublished(stepStarted(1, 1))
                .andThenAPublished(stepFailed(1, 1, FAILURE_CODE, true))
                .whenPublishingA(retryScheduled(StepPhase.FORWARD, 1, 2, RETRY_DELAY.toMillis()))
                .expectScheduledDeadlineWithName(RETRY_DELAY, SagaCoordinator.STEP_RETRY)
                .expectScheduledDeadline(RETRY_DELAY, new StepAttemptDeadline(StepPhase.FORWARD, 1, 2))
                .expectNoDispatchedCommands();
    }

    @Test
    void startsTheNextAttemptOnceTheRetryDelayHasElapsed() {
        fixture.givenAPublished(intentAccepted())
                .andThenAPublished(stepStarted(1, 1))
                .andThenAPublished(stepFailed(1, 1, FAILURE_CODE, true))
                .andThenAPublished(retryScheduled(StepPhase.FORWARD, 1, 2, RETRY_DELAY.toMillis()))
                .whenTimeElapses(RETRY_DELAY)
                .expectTriggeredDeadlinesWithName(SagaCoordinator.STEP_RETRY)
                .expectDispatchedCommands(retryStep(StepPhase.FORWARD, 1, 2));
    }

    @Test
    void startsNoAttemptBeforeTheRetryDelayHasElapsed() {
        fixture.givenAPublished(intentAccepted())
                .andThenAPublished(stepStarted(1, 1))
                .andThenAPublished(stepFailed(1, 1, FAILURE_CODE, true))
                .andThenAPublished(retryScheduled(StepPhase.FORWARD, 1, 2, RETRY_DELAY.toMillis()))
                .whenTimeElapses(RETRY_DELAY.minusMillis(1))
                .expectNoDispatchedCommands();
    }

    @Test
    void startsTheNextCompensationAttemptOnceItsRetryDelayHasElapsed() {
        fixture.givenAPublished(intentAccepted())
                .andThenAPublished(compensationStepStarted(1, 1))
                .andThenAPublished(compensationStepFailed(1, 1, FAILURE_CODE, true))
                .andThenAPublished(retryScheduled(StepPhase.COMPENSATION, 1, 2, RETRY_DELAY.toMillis()))
                .whenTimeElapses(RETRY_DELAY)
                .expectDispatchedCommands(retryStep(StepPhase.COMPENSATION, 1, 2));
    }

    // ---- compensation, cancellation and the end --------------------------------------------------------------

    @Test
    void marksTheExecutionCompensatingWhenCompensationStarts() {
        fixture.givenAPublished(intentAccepted())
                .whenPublishingA(compensationStarted(NOTIFY, FAILURE_CODE, FAILURE_MESSAGE, List.of(CHARGE, RESERVE)))
                .expectActiveSagas(1)
                .expectDispatchedCommands(markCompensating(TENANT));
    }

    @Test
    void abortsTheSagaWhenTheExecutionIsCancelled() {
        fixture.givenAPublished(intentAccepted())
                .andThenAPublished(stepStarted(0, 1))
                .whenPublishingA(executionCancelled())
                .expectActiveSagas(1)
                .expectDispatchedCommands(abortSaga(TENANT));
    }

    @Test
    void completesTheExecutionDetachesItAndEndsWhenTheSagaCompletes() {
        Map<String, String> references = Map.of("order.id", "order-42");
        fixture.givenAPublished(intentAccepted())
                .whenPublishingA(sagaCompleted(references))
                .expectActiveSagas(0)
                .expectDispatchedCommands(completeExecution(TENANT, references),
                        detachExecution(TENANT, EXECUTION_ID));
    }

    @Test
    void onlyEndsWhenTheSagaCompletesIfThisNodesWorkerClosedTheExecutionAlready() {
        when(worker.closedExecution(EXECUTION_ID)).thenReturn(true);
        fixture.givenAPublished(intentAccepted())
                .whenPublishingA(sagaCompleted(Map.of("order.id", "order-42")))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void recordsTheExecutionCompensatedDetachesItAndEndsWhenTheSagaIsCompensated() {
        fixture.givenAPublished(intentAccepted())
                .whenPublishingA(sagaCompensated(NOTIFY, FAILURE_CODE, FAILURE_MESSAGE))
                .expectActiveSagas(0)
                .expectDispatchedCommands(recordCompensated(TENANT), detachExecution(TENANT, EXECUTION_ID));
    }

    @Test
    void failsTheExecutionDetachesItAndEndsWhenTheSagaFails() {
        fixture.givenAPublished(intentAccepted())
                .whenPublishingA(sagaFailed(RESERVE, FAILURE_CODE, FAILURE_MESSAGE))
                .expectActiveSagas(0)
                .expectDispatchedCommands(failExecution(TENANT), detachExecution(TENANT, EXECUTION_ID));
    }

    @Test
    void ignoresStepsOfAnotherExecutionsSaga() {
        fixture.givenAPublished(intentAccepted())
                .whenPublishingA(new StepStartedEvent(SagaId.random(), EXECUTION_ID, TENANT, 0, RESERVE, 1))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();

        verify(worker, never()).runAfterCommit(any());
    }

    private static StepInvocation invocation(StepPhase phase, int stepIndex, int attempt) {
        return new StepInvocation(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID, CAPABILITY, phase, stepIndex, attempt);
    }
}
