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
import static io.symphainy.runtime.core.TestData.completeExecution;
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
import static io.symphainy.runtime.core.TestData.stepFailed;
import static io.symphainy.runtime.core.TestData.stepStarted;
import static io.symphainy.runtime.core.TestData.stepSucceeded;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.AwaitCapabilityVersionToStartCommand;
import io.symphainy.runtime.core.saga.messages.AbortSagaCommand;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.RetryStepCommand;
import io.symphainy.runtime.core.saga.messages.StepAttemptDeadline;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.worker.StepInvocation;
import io.symphainy.runtime.core.worker.StepWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's part of an execution: starting it where the intake could not, waiting out retries, turning a
 * cancellation into an abort, closing what failed or was compensated; and staying away from executions that never
 * leave the happy path.
 */
class SagaCoordinatorTest {

    private static final Duration RETRY_DELAY = Duration.ofMillis(200);
    /** Saga events carry their session in their metadata, as the saga records them. */
    private static final Map<String, String> FILED = Map.of(MetaDataKeys.SESSION_ID, SESSION_ID.toString());

    private SagaTestFixture<SagaCoordinator> fixture;
    private StepWorker worker;

    @BeforeEach
    void setUp() {
        worker = mock(StepWorker.class);
        fixture = new SagaTestFixture<>(SagaCoordinator.class);
        fixture.registerResource(new Curator(List.of(capability()), SAGA_PROPERTIES));
        fixture.registerResource(worker);
    }

    // ---- start -----------------------------------------------------------------------------------------------

    @Test
    void startsTheExecutionAndItsSagaAndRunsTheFirstAttemptWhenAnIntentIsAccepted() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(intentAccepted())
                .expectActiveSagas(1)
                .expectDispatchedCommands(startExecution(TENANT), startSaga());

        verify(worker).runAfterCommit(invocation(StepPhase.FORWARD, 0, 1), intentAccepted());
    }

    @Test
    void waitsNotStartedForANodeWithTheVersionWhenTheCapabilityIsNotRegisteredHere() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(intentAccepted("orders.withdrawn"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new AwaitCapabilityVersionToStartCommand(EXECUTION_ID, TENANT,
                        "capability orders.withdrawn version 1 is not registered on any node that saw it"));
    }

    // ---- the happy path needs no coordinator -----------------------------------------------------------------

    @Test
    void startsNoCoordinatorForStepsThatStartAndSucceed() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(stepStarted(0, 1), FILED)
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        fixture.givenNoPriorActivity()
                .whenPublishingA(stepSucceeded(0, 1), FILED)
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void startsNoCoordinatorForASagaThatCompletes() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(sagaCompleted(Map.of("order.id", "order-42")), FILED)
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    // ---- retries ---------------------------------------------------------------------------------------------

    @Test
    void startsACoordinatorThatWaitsExactlyTheRetryDelayWhenARetryIsScheduled() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(retryScheduled(StepPhase.FORWARD, 1, 2, RETRY_DELAY.toMillis()), FILED)
                .expectActiveSagas(1)
                .expectAssociationWith(SagaCoordinator.EXECUTION_ID, EXECUTION_ID.toString())
                .expectScheduledDeadlineWithName(RETRY_DELAY, SagaCoordinator.STEP_RETRY)
                .expectScheduledDeadline(RETRY_DELAY, new StepAttemptDeadline(StepPhase.FORWARD, 1, 2))
                .expectNoDispatchedCommands();
    }

    @Test
    void startsAndRunsTheNextAttemptOnceTheRetryDelayHasElapsed() {
        answer(RetryStepCommand.class, new NextAttempt(StepPhase.FORWARD, 1, 2, CAPABILITY, "1"));
        fixture.givenAPublished(stepFailed(1, 1, FAILURE_CODE, true), FILED)
                .andThenAPublished(retryScheduled(StepPhase.FORWARD, 1, 2, RETRY_DELAY.toMillis()), FILED)
                .whenTimeElapses(RETRY_DELAY)
                .expectTriggeredDeadlinesWithName(SagaCoordinator.STEP_RETRY)
                .expectDispatchedCommands(retryStep(StepPhase.FORWARD, 1, 2));

        verify(worker).runAfterCommit(invocation(StepPhase.FORWARD, 1, 2));
    }

    @Test
    void startsNoAttemptBeforeTheRetryDelayHasElapsed() {
        fixture.givenAPublished(retryScheduled(StepPhase.FORWARD, 1, 2, RETRY_DELAY.toMillis()), FILED)
                .whenTimeElapses(RETRY_DELAY.minusMillis(1))
                .expectNoDispatchedCommands();

        verify(worker, never()).runAfterCommit(any());
    }

    @Test
    void runsNothingWhenTheSagaNoLongerAwaitsTheRetry() {
        fixture.givenAPublished(retryScheduled(StepPhase.FORWARD, 1, 2, RETRY_DELAY.toMillis()), FILED)
                .whenTimeElapses(RETRY_DELAY)
                .expectDispatchedCommands(retryStep(StepPhase.FORWARD, 1, 2));

        verify(worker, never()).runAfterCommit(any());
    }

    @Test
    void startsTheNextCompensationAttemptOnceItsRetryDelayHasElapsed() {
        answer(RetryStepCommand.class, new NextAttempt(StepPhase.COMPENSATION, 1, 2, CAPABILITY, "1"));
        fixture.givenAPublished(retryScheduled(StepPhase.COMPENSATION, 1, 2, RETRY_DELAY.toMillis()), FILED)
                .whenTimeElapses(RETRY_DELAY)
                .expectDispatchedCommands(retryStep(StepPhase.COMPENSATION, 1, 2));

        verify(worker).runAfterCommit(invocation(StepPhase.COMPENSATION, 1, 2));
    }

    // ---- compensation, cancellation and the end --------------------------------------------------------------

    @Test
    void startsACoordinatorThatMarksTheExecutionCompensatingWhenCompensationStarts() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(compensationStarted(NOTIFY, FAILURE_CODE, FAILURE_MESSAGE, List.of(CHARGE, RESERVE)),
                        FILED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(markCompensating(TENANT));
    }

    @Test
    void abortsTheSagaOfARunningExecutionWhenItIsCancelledAndRunsTheCompensationThatStarts() {
        answer(AbortSagaCommand.class, new NextAttempt(StepPhase.COMPENSATION, 0, 1, CAPABILITY, "1"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(executionCancelled(), FILED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(abortSaga(TENANT));

        verify(worker).runAfterCommit(invocation(StepPhase.COMPENSATION, 0, 1));
    }

    @Test
    void completesTheExecutionAndEndsWhenTheSagaOfACoordinatedExecutionCompletes() {
        Map<String, String> references = Map.of("order.id", "order-42");
        fixture.givenAPublished(retryScheduled(StepPhase.FORWARD, 1, 2, RETRY_DELAY.toMillis()), FILED)
                .whenPublishingA(sagaCompleted(references), FILED)
                .expectActiveSagas(0)
                .expectDispatchedCommands(completeExecution(TENANT, references));
    }

    @Test
    void recordsTheExecutionCompensatedAndEndsWhenTheSagaIsCompensated() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(sagaCompensated(NOTIFY, FAILURE_CODE, FAILURE_MESSAGE), FILED)
                .expectActiveSagas(0)
                .expectDispatchedCommands(recordCompensated(TENANT));
    }

    @Test
    void failsTheExecutionAndEndsWhenTheSagaFails() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(sagaFailed(RESERVE, FAILURE_CODE, FAILURE_MESSAGE), FILED)
                .expectActiveSagas(0)
                .expectDispatchedCommands(failExecution(TENANT));
    }

    /** The fixture's command bus answers commands of the given type with the given result, and others with none. */
    private void answer(Class<?> commandType, Object result) {
        fixture.setCallbackBehavior((command, metaData) -> commandType.isInstance(command) ? result : null);
    }

    private static StepInvocation invocation(StepPhase phase, int stepIndex, int attempt) {
        return new StepInvocation(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID, CAPABILITY, "1", phase, stepIndex, attempt);
    }
}
