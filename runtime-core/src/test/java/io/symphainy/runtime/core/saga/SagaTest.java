package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.CANCEL_REASON;
import static io.symphainy.runtime.core.TestData.CAPABILITY;
import static io.symphainy.runtime.core.TestData.CHARGE;
import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.FAILURE_CODE;
import static io.symphainy.runtime.core.TestData.FAILURE_MESSAGE;
import static io.symphainy.runtime.core.TestData.NON_RETRYABLE_CODE;
import static io.symphainy.runtime.core.TestData.NOTIFY;
import static io.symphainy.runtime.core.TestData.OTHER_TENANT;
import static io.symphainy.runtime.core.TestData.RESERVE;
import static io.symphainy.runtime.core.TestData.RETRY_POLICY;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SESSION_ID;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.abortRequested;
import static io.symphainy.runtime.core.TestData.abortSaga;
import static io.symphainy.runtime.core.TestData.compensationStarted;
import static io.symphainy.runtime.core.TestData.compensationStepFailed;
import static io.symphainy.runtime.core.TestData.compensationStepStarted;
import static io.symphainy.runtime.core.TestData.recordCompensationFailure;
import static io.symphainy.runtime.core.TestData.recordCompensationSuccess;
import static io.symphainy.runtime.core.TestData.recordFailure;
import static io.symphainy.runtime.core.TestData.recordSuccess;
import static io.symphainy.runtime.core.TestData.retryScheduled;
import static io.symphainy.runtime.core.TestData.retryStep;
import static io.symphainy.runtime.core.TestData.ruleViolation;
import static io.symphainy.runtime.core.TestData.sagaCompensated;
import static io.symphainy.runtime.core.TestData.sagaCompleted;
import static io.symphainy.runtime.core.TestData.sagaFailed;
import static io.symphainy.runtime.core.TestData.sagaStarted;
import static io.symphainy.runtime.core.TestData.startSaga;
import static io.symphainy.runtime.core.TestData.stepCompensated;
import static io.symphainy.runtime.core.TestData.stepFailed;
import static io.symphainy.runtime.core.TestData.stepStarted;
import static io.symphainy.runtime.core.TestData.stepSucceeded;

import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SagaCompletion;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The saga of the three-step order capability of {@code TestData}: reserve (compensable), charge (compensable),
 * notify (not compensable), with four attempts per step and waits of 100, 200 and 250 ms (400 capped).
 */
class SagaTest {

    private FixtureConfiguration<Saga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Saga.class);
    }

    // ---- moving forward --------------------------------------------------------------------------------------

    @Test
    void startsTheFirstStepWhenTheSagaStarts() {
        fixture.givenNoPriorActivity()
                .when(startSaga())
                .expectEvents(sagaStarted(), stepStarted(0, 1));
    }

    @Test
    void completesAtOnceWhenThePlanHasNoSteps() {
        fixture.givenNoPriorActivity()
                .when(new StartSagaCommand(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID, CAPABILITY, List.of(),
                        RETRY_POLICY, "1"))
                .expectEvents(new SagaStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID, CAPABILITY, List.of(),
                        RETRY_POLICY, "1"), sagaCompleted(Map.of()));
    }

    @Test
    void startsTheNextStepWhenAStepSucceeds() {
        fixture.given(runningFirstAttemptOf(0))
                .when(recordSuccess(0, 1))
                .expectEvents(stepSucceeded(0, 1), stepStarted(1, 1))
                .expectResultMessagePayload(new NextAttempt(StepPhase.FORWARD, 1, 1, CAPABILITY, "1"));
    }

    @Test
    void completesWithTheReferencesOfEveryStepWhenTheLastStepSucceeds() {
        Map<String, String> references = Map.of(
                "reserve.id", "reserve-ref",
                "charge.id", "charge-ref",
                "notify.id", "notify-ref");
        fixture.given(runningFirstAttemptOf(2))
                .when(recordSuccess(2, 1))
                .expectEvents(stepSucceeded(2, 1), sagaCompleted(references))
                .expectResultMessagePayload(new SagaCompletion(references));
    }

    // ---- retries ---------------------------------------------------------------------------------------------

    @Test
    void schedulesARetryAfterTheInitialDelayWhenAFirstAttemptFailsRetryably() {
        fixture.given(runningFirstAttemptOf(1))
                .when(recordFailure(1, 1, FAILURE_CODE, true))
                .expectEvents(stepFailed(1, 1, FAILURE_CODE, true),
                        retryScheduled(StepPhase.FORWARD, 1, 2, 100))
                .expectResultMessagePayload(null);
    }

    @Test
    void growsTheRetryDelayByTheMultiplier() {
        fixture.given(runningAttemptOf(1, 2))
                .when(recordFailure(1, 2, FAILURE_CODE, true))
                .expectEvents(stepFailed(1, 2, FAILURE_CODE, true),
                        retryScheduled(StepPhase.FORWARD, 1, 3, 200));
    }

    @Test
    void capsTheRetryDelayAtTheMaximum() {
        fixture.given(runningAttemptOf(1, 3))
                .when(recordFailure(1, 3, FAILURE_CODE, true))
                .expectEvents(stepFailed(1, 3, FAILURE_CODE, true),
                        retryScheduled(StepPhase.FORWARD, 1, 4, 250));
    }

    @Test
    void startsTheScheduledAttemptWhenItsRetryIsDue() {
        fixture.given(awaitingRetryOf(1, 2))
                .when(retryStep(StepPhase.FORWARD, 1, 2))
                .expectEvents(stepStarted(1, 2))
                .expectResultMessagePayload(new NextAttempt(StepPhase.FORWARD, 1, 2, CAPABILITY, "1"));
    }

    @Test
    void ignoresARetryOfAnAttemptThatWasNotScheduled() {
        fixture.given(awaitingRetryOf(1, 2))
                .when(retryStep(StepPhase.FORWARD, 1, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresARetryThatAlreadyStarted() {
        fixture.given(runningAttemptOf(1, 2))
                .when(retryStep(StepPhase.FORWARD, 1, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void neverRetriesACodeThePolicyExcludesEvenWhenTheStepCallsItRetryable() {
        fixture.given(runningFirstAttemptOf(0))
                .when(recordFailure(0, 1, NON_RETRYABLE_CODE, true))
                .expectEvents(stepFailed(0, 1, NON_RETRYABLE_CODE, true),
                        sagaFailed(RESERVE, NON_RETRYABLE_CODE, FAILURE_MESSAGE));
    }

    // ---- stale and repeated reports --------------------------------------------------------------------------

    @Test
    void ignoresAnOutcomeReportedForAnEarlierAttempt() {
        fixture.given(runningAttemptOf(1, 2))
                .when(recordSuccess(1, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresAnOutcomeReportedForAnotherStep() {
        fixture.given(runningFirstAttemptOf(1))
                .when(recordFailure(0, 1, FAILURE_CODE, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresAFailureThatWasAlreadyRecorded() {
        fixture.given(awaitingRetryOf(1, 2))
                .when(recordFailure(1, 1, FAILURE_CODE, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresASuccessReportedAgainAfterTheSagaCompleted() {
        fixture.given(with(runningFirstAttemptOf(2), stepSucceeded(2, 1), sagaCompleted(Map.of())))
                .when(recordSuccess(2, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresALateForwardOutcomeOnceCompensationStarted() {
        fixture.given(compensatingCharge())
                .when(recordSuccess(2, 4))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---- compensation ----------------------------------------------------------------------------------------

    @Test
    void compensatesCompletedStepsLatestFirstWhenTheLastStepExhaustsItsRetries() {
        fixture.given(runningAttemptOf(2, 4))
                .when(recordFailure(2, 4, FAILURE_CODE, true))
                .expectEvents(stepFailed(2, 4, FAILURE_CODE, true),
                        compensationStarted(NOTIFY, FAILURE_CODE, FAILURE_MESSAGE, List.of(CHARGE, RESERVE)),
                        compensationStepStarted(1, 1))
                .expectResultMessagePayload(new NextAttempt(StepPhase.COMPENSATION, 1, 1, CAPABILITY, "1"));
    }

    @Test
    void compensatesTheEarlierStepOnceTheLaterOneIsCompensated() {
        fixture.given(compensatingCharge())
                .when(recordCompensationSuccess(1, 1))
                .expectEvents(stepCompensated(1, 1), compensationStepStarted(0, 1))
                .expectResultMessagePayload(new NextAttempt(StepPhase.COMPENSATION, 0, 1, CAPABILITY, "1"));
    }

    @Test
    void endsCompensatedOnceTheFirstStepIsCompensated() {
        fixture.given(with(compensatingCharge(), stepCompensated(1, 1), compensationStepStarted(0, 1)))
                .when(recordCompensationSuccess(0, 1))
                .expectEvents(stepCompensated(0, 1), sagaCompensated(NOTIFY, FAILURE_CODE, FAILURE_MESSAGE))
                .expectResultMessagePayload(null);
    }

    @Test
    void compensatesOnlyTheStepsThatHaveACompensation() {
        fixture.given(with(runningFirstAttemptOf(0), stepSucceeded(0, 1), stepStarted(1, 1)))
                .when(recordFailure(1, 1, FAILURE_CODE, false))
                .expectEvents(stepFailed(1, 1, FAILURE_CODE, false),
                        compensationStarted(CHARGE, FAILURE_CODE, FAILURE_MESSAGE, List.of(RESERVE)),
                        compensationStepStarted(0, 1));
    }

    @Test
    void failsWithoutCompensatingWhenAStepFailsPermanentlyBeforeAnythingCompensableCompleted() {
        fixture.given(runningFirstAttemptOf(0))
                .when(recordFailure(0, 1, FAILURE_CODE, false))
                .expectEvents(stepFailed(0, 1, FAILURE_CODE, false),
                        sagaFailed(RESERVE, FAILURE_CODE, FAILURE_MESSAGE));
    }

    @Test
    void retriesAFailedCompensationAttemptWithBackoff() {
        fixture.given(compensatingCharge())
                .when(recordCompensationFailure(1, 1, FAILURE_CODE, true))
                .expectEvents(compensationStepFailed(1, 1, FAILURE_CODE, true),
                        retryScheduled(StepPhase.COMPENSATION, 1, 2, 100));
    }

    @Test
    void startsTheScheduledCompensationAttemptWhenItsRetryIsDue() {
        fixture.given(with(compensatingCharge(), compensationStepFailed(1, 1, FAILURE_CODE, true),
                        retryScheduled(StepPhase.COMPENSATION, 1, 2, 100)))
                .when(retryStep(StepPhase.COMPENSATION, 1, 2))
                .expectEvents(compensationStepStarted(1, 2))
                .expectResultMessagePayload(new NextAttempt(StepPhase.COMPENSATION, 1, 2, CAPABILITY, "1"));
    }

    @Test
    void failsWithCompensationFailedWhenACompensationFailsForGood() {
        fixture.given(compensatingCharge())
                .when(recordCompensationFailure(1, 1, "REFUND_REFUSED", false))
                .expectEvents(compensationStepFailed(1, 1, "REFUND_REFUSED", false),
                        sagaFailed(NOTIFY, "COMPENSATION_FAILED",
                                "compensation of step 'charge' failed: REFUND_REFUSED " + FAILURE_MESSAGE));
    }

    // ---- abort -----------------------------------------------------------------------------------------------

    @Test
    void waitsForTheRunningStepWhenAbortedMidStep() {
        fixture.given(runningFirstAttemptOf(1))
                .when(abortSaga(TENANT))
                .expectEvents(abortRequested())
                .expectResultMessagePayload(null);
    }

    @Test
    void compensatesTheRunningStepTooWhenItSucceedsAfterAnAbort() {
        fixture.given(with(runningFirstAttemptOf(1), abortRequested()))
                .when(recordSuccess(1, 1))
                .expectEvents(stepSucceeded(1, 1),
                        compensationStarted(CHARGE, "CANCELLED", CANCEL_REASON, List.of(CHARGE, RESERVE)),
                        compensationStepStarted(1, 1))
                .expectResultMessagePayload(new NextAttempt(StepPhase.COMPENSATION, 1, 1, CAPABILITY, "1"));
    }

    @Test
    void doesNotRetryTheRunningStepWhenItFailsAfterAnAbort() {
        fixture.given(with(runningFirstAttemptOf(1), abortRequested()))
                .when(recordFailure(1, 1, FAILURE_CODE, true))
                .expectEvents(stepFailed(1, 1, FAILURE_CODE, true),
                        compensationStarted(CHARGE, "CANCELLED", CANCEL_REASON, List.of(RESERVE)),
                        compensationStepStarted(0, 1));
    }

    @Test
    void compensatesRightAwayWhenAbortedWhileAwaitingARetry() {
        fixture.given(awaitingRetryOf(1, 2))
                .when(abortSaga(TENANT))
                .expectEvents(compensationStarted(CHARGE, "CANCELLED", CANCEL_REASON, List.of(RESERVE)),
                        compensationStepStarted(0, 1))
                .expectResultMessagePayload(new NextAttempt(StepPhase.COMPENSATION, 0, 1, CAPABILITY, "1"));
    }

    @Test
    void ignoresADueRetryOnceAnAbortStartedCompensation() {
        fixture.given(with(awaitingRetryOf(1, 2),
                        compensationStarted(CHARGE, "CANCELLED", CANCEL_REASON, List.of(RESERVE)),
                        compensationStepStarted(0, 1)))
                .when(retryStep(StepPhase.FORWARD, 1, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresASecondAbort() {
        fixture.given(with(runningFirstAttemptOf(1), abortRequested()))
                .when(abortSaga(TENANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresAnAbortWhileCompensating() {
        fixture.given(compensatingCharge())
                .when(abortSaga(TENANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void retriesAFailedCompensationAttemptAfterAnAbortToo() {
        fixture.given(with(runningFirstAttemptOf(1), abortRequested(), stepSucceeded(1, 1),
                        compensationStarted(CHARGE, "CANCELLED", CANCEL_REASON, List.of(CHARGE, RESERVE)),
                        compensationStepStarted(1, 1)))
                .when(recordCompensationFailure(1, 1, FAILURE_CODE, true))
                .expectEvents(compensationStepFailed(1, 1, FAILURE_CODE, true),
                        retryScheduled(StepPhase.COMPENSATION, 1, 2, 100));
    }

    // ---- tenancy ---------------------------------------------------------------------------------------------

    @Test
    void refusesAnotherTenantsReportAsIfTheExecutionDidNotExist() {
        fixture.given(runningFirstAttemptOf(0))
                .when(recordSuccess(OTHER_TENANT, 0, 1))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void refusesAnotherTenantsAbort() {
        fixture.given(runningFirstAttemptOf(0))
                .when(abortSaga(OTHER_TENANT))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_FOUND))
                .expectNoEvents();
    }

    // ---- histories -------------------------------------------------------------------------------------------

    /** Every step before the given one succeeded on its first attempt; the given step's first attempt runs. */
    private static List<Object> runningFirstAttemptOf(int stepIndex) {
        List<Object> events = new ArrayList<>(List.of(sagaStarted()));
        for (int done = 0; done < stepIndex; done++) {
            events.add(stepStarted(done, 1));
            events.add(stepSucceeded(done, 1));
        }
        events.add(stepStarted(stepIndex, 1));
        return events;
    }

    /** Like {@link #runningFirstAttemptOf}, but the given step failed retryably until the given attempt runs. */
    private static List<Object> runningAttemptOf(int stepIndex, int attempt) {
        return with(awaitingRetryOf(stepIndex, attempt), stepStarted(stepIndex, attempt));
    }

    /** The given step failed retryably and the given attempt is scheduled but not started. */
    private static List<Object> awaitingRetryOf(int stepIndex, int nextAttempt) {
        long[] delays = {100, 200, 250};
        List<Object> events = runningFirstAttemptOf(stepIndex);
        for (int failed = 1; failed < nextAttempt; failed++) {
            if (failed > 1) {
                events.add(stepStarted(stepIndex, failed));
            }
            events.add(stepFailed(stepIndex, failed, FAILURE_CODE, true));
            events.add(retryScheduled(StepPhase.FORWARD, stepIndex, failed + 1, delays[failed - 1]));
        }
        return events;
    }

    /** notify exhausted its four attempts; the compensation of charge, the latest compensable step, runs. */
    private static List<Object> compensatingCharge() {
        return with(runningAttemptOf(2, 4), stepFailed(2, 4, FAILURE_CODE, true),
                compensationStarted(NOTIFY, FAILURE_CODE, FAILURE_MESSAGE, List.of(CHARGE, RESERVE)),
                compensationStepStarted(1, 1));
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(Arrays.asList(more));
        return events;
    }
}
