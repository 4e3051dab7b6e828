package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.DURATION_MILLIS;
import static io.symphainy.runtime.core.TestData.CANCEL_REASON;
import static io.symphainy.runtime.core.TestData.FAILURE_MESSAGE;
import static io.symphainy.runtime.core.TestData.RETRY_POLICY;
import static io.symphainy.runtime.core.TestData.OTHER_TENANT;
import static io.symphainy.runtime.core.TestData.RESERVE;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.abortSaga;
import static io.symphainy.runtime.core.TestData.compensationStarted;
import static io.symphainy.runtime.core.TestData.compensationStepStarted;
import static io.symphainy.runtime.core.TestData.recordFailure;
import static io.symphainy.runtime.core.TestData.recordSuccess;
import static io.symphainy.runtime.core.TestData.retryScheduled;
import static io.symphainy.runtime.core.TestData.retryStep;
import static io.symphainy.runtime.core.TestData.ruleViolation;
import static io.symphainy.runtime.core.TestData.sagaCompleted;
import static io.symphainy.runtime.core.TestData.stepFailed;
import static io.symphainy.runtime.core.TestData.stepSucceeded;
import static io.symphainy.runtime.core.saga.SignalTestData.APPROVAL;
import static io.symphainy.runtime.core.saga.SignalTestData.KEY;
import static io.symphainy.runtime.core.saga.SignalTestData.NOW;
import static io.symphainy.runtime.core.saga.SignalTestData.PAYLOAD;
import static io.symphainy.runtime.core.saga.SignalTestData.SIGNAL;
import static io.symphainy.runtime.core.saga.SignalTestData.WAITING_CAPABILITY;
import static io.symphainy.runtime.core.saga.SignalTestData.awaiting;
import static io.symphainy.runtime.core.saga.SignalTestData.deliver;
import static io.symphainy.runtime.core.saga.SignalTestData.delivered;
import static io.symphainy.runtime.core.saga.SignalTestData.kept;
import static io.symphainy.runtime.core.saga.SignalTestData.started;
import static io.symphainy.runtime.core.saga.SignalTestData.succeeded;
import static io.symphainy.runtime.core.saga.SignalTestData.waitingCapability;
import static io.symphainy.runtime.core.saga.SignalTestData.waitingPlan;
import static io.symphainy.runtime.core.saga.SignalTestData.waitingSagaStarted;

import static org.hamcrest.Matchers.containsString;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SignalOutcome;
import io.symphainy.runtime.core.saga.messages.SignalReceipt;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.DeliverSignalCommand;
import io.symphainy.runtime.core.saga.messages.SagaFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.worker.StepFailureCodes;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The saga of an order whose second step waits for an approval signal ({@link SignalTestData}): waits instead of
 * attempts, delivery, signals kept for later, idempotency, refusals, timeouts and cancellation while waiting.
 */
class SagaSignalTest {

    private FixtureConfiguration<Saga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Saga.class);
        fixture.registerInjectableResource(new Curator(List.of(waitingCapability(false)), SAGA_PROPERTIES));
    }

    @Test
    void waitsForTheSignalInsteadOfStartingAnAttemptWhenTheStepBeforeSucceeds() {
        fixture.givenCurrentTime(NOW)
                .andGiven(waitingSagaStarted(false), started(0, 1))
                .when(recordSuccess(0, 1))
                .expectEvents(stepSucceeded(0, 1), awaiting(1, NOW, false))
                .expectResultMessagePayload(null);
    }

    @Test
    void waitsAtOnceWhenTheFirstStepWaits() {
        fixture.givenCurrentTime(NOW)
                .when(new StartSagaCommand(SAGA_ID, EXECUTION_ID, TENANT, null, WAITING_CAPABILITY,
                        waitingPlan(false).subList(1, 3), RETRY_POLICY, "1"))
                .expectEvents(new SagaStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, null, WAITING_CAPABILITY,
                                waitingPlan(false).subList(1, 3), RETRY_POLICY, "1"),
                        new StepAwaitingSignalEvent(SAGA_ID, EXECUTION_ID,
                                TENANT, 1, APPROVAL, 1, SIGNAL, NOW.plus(SignalTestData.WAIT), false));
    }

    @Test
    void deliversTheSignalToTheWaitingStepWithItsPayloadAsOutputAndStartsTheNextStep() {
        fixture.givenCurrentTime(NOW.plusSeconds(5))
                .andGiven(waitingSagaStarted(false), started(0, 1), stepSucceeded(0, 1), awaiting(1, NOW, false))
                .when(deliver(SIGNAL, PAYLOAD, KEY))
                .expectEvents(delivered(1, KEY), succeeded(1, 1, PAYLOAD, 5_000), started(2, 1))
                .expectResultMessagePayload(new SignalReceipt(SignalOutcome.DELIVERED, APPROVAL,
                        new NextAttempt(StepPhase.FORWARD, 2, 1, WAITING_CAPABILITY, "1"), null, false));
    }

    @Test
    void completesTheSagaWhenTheWaitIsTheLastStep() {
        fixture.givenCurrentTime(NOW)
                .andGiven(new SagaStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, null, WAITING_CAPABILITY,
                                waitingPlan(false).subList(0, 2), RETRY_POLICY),
                        started(0, 1), stepSucceeded(0, 1), awaiting(1, NOW, false))
                .when(deliver(SIGNAL, PAYLOAD, null))
                .expectEvents(delivered(1, null), succeeded(1, 1, PAYLOAD, 0),
                        sagaCompleted(stepSucceeded(0, 1).references()));
    }

    @Test
    void keepsASignalThatArrivesBeforeItsStepWaits() {
        fixture.given(waitingSagaStarted(false), started(0, 1))
                .when(deliver(SIGNAL, PAYLOAD, KEY))
                .expectEvents(kept(KEY))
                .expectResultMessagePayload(new SignalReceipt(SignalOutcome.KEPT, APPROVAL, null, null, false));
    }

    @Test
    void deliversAKeptSignalOnceItsStepStartsWithoutWaiting() {
        fixture.given(waitingSagaStarted(false), started(0, 1), kept(KEY))
                .when(recordSuccess(0, 1))
                .expectEvents(stepSucceeded(0, 1), delivered(1, KEY), succeeded(1, 1, PAYLOAD, 0), started(2, 1))
                .expectResultMessagePayload(new NextAttempt(StepPhase.FORWARD, 2, 1, WAITING_CAPABILITY, "1"));
    }

    @Test
    void answersARepeatedIdempotencyKeyWithTheFirstOutcomeAndRecordsNothing() {
        fixture.given(waitingSagaStarted(false), started(0, 1), stepSucceeded(0, 1), awaiting(1, NOW, false),
                        delivered(1, KEY), succeeded(1, 1, PAYLOAD, 0), started(2, 1))
                .when(deliver(SIGNAL, Map.of("ok", false), KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new SignalReceipt(SignalOutcome.DELIVERED, APPROVAL, null, null, true));
        fixture.given(waitingSagaStarted(false), started(0, 1), kept(KEY))
                .when(deliver(SIGNAL, PAYLOAD, KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new SignalReceipt(SignalOutcome.KEPT, APPROVAL, null, null, true));
    }

    @Test
    void refusesASecondSignalForAStepThatAlreadyReceivedOne() {
        fixture.given(waitingSagaStarted(false), started(0, 1), stepSucceeded(0, 1), awaiting(1, NOW, false),
                        delivered(1, KEY), succeeded(1, 1, PAYLOAD, 0), started(2, 1))
                .when(deliver(SIGNAL, PAYLOAD, "another-key"))
                .expectNoEvents()
                .expectExceptionMessage(containsString("no longer"))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_WAITING));
        fixture.given(waitingSagaStarted(false), started(0, 1), kept(KEY))
                .when(deliver(SIGNAL, PAYLOAD, "another-key"))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_WAITING));
    }

    @Test
    void refusesASignalNoStepWaitsForAndAnyOnceTheSagaEnded() {
        fixture.given(waitingSagaStarted(false), started(0, 1))
                .when(deliver("rejected", PAYLOAD, KEY))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_WAITING));
        fixture.given(waitingSagaStarted(false), started(0, 1), stepFailed(0, 1, "BROKEN", false),
                        new SagaFailedEvent(SAGA_ID, EXECUTION_ID, TENANT,
                                RESERVE, "BROKEN", "broken"))
                .when(deliver(SIGNAL, PAYLOAD, KEY))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_WAITING));
    }

    @Test
    void refusesAPayloadThatFailsTheWaitingStepsSchema() {
        fixture.given(waitingSagaStarted(false), started(0, 1), stepSucceeded(0, 1), awaiting(1, NOW, false))
                .when(deliver(SIGNAL, Map.of("ok", "yes"), KEY))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.SIGNAL_PAYLOAD_INVALID));
    }

    @Test
    void refusesAnotherTenantsSignalAsNotFound() {
        fixture.given(waitingSagaStarted(false), started(0, 1), stepSucceeded(0, 1), awaiting(1, NOW, false))
                .when(new DeliverSignalCommand(SAGA_ID, OTHER_TENANT, SIGNAL,
                        PAYLOAD, KEY))
                .expectNoEvents()
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_FOUND));
    }

    @Test
    void aTimeoutFailsTheWaitForGoodAndCompensatesTheCompletedSteps() {
        fixture.given(waitingSagaStarted(false), started(0, 1), stepSucceeded(0, 1), awaiting(1, NOW, false))
                .when(recordFailure(1, 1, StepFailureCodes.SIGNAL_TIMEOUT, false))
                .expectEvents(failed(1, 1, false),
                        compensationStarted(APPROVAL, StepFailureCodes.SIGNAL_TIMEOUT,
                                FAILURE_MESSAGE, List.of(RESERVE)),
                        compensationStepStarted(0, 1))
                .expectResultMessagePayload(new NextAttempt(StepPhase.COMPENSATION, 0, 1, WAITING_CAPABILITY, "1"));
    }

    @Test
    void aRetryableTimeoutWaitsAgainOnceTheRetryIsDue() {
        fixture.givenCurrentTime(NOW)
                .andGiven(waitingSagaStarted(true), started(0, 1), stepSucceeded(0, 1), awaiting(1, NOW, true),
                        failed(1, 1, true), retryScheduled(StepPhase.FORWARD, 1, 2, 100))
                .when(retryStep(StepPhase.FORWARD, 1, 2))
                .expectEvents(awaiting(2, NOW, true))
                .expectResultMessagePayload(null);
    }

    @Test
    void cancellingAWaitingExecutionCompensatesAtOnce() {
        fixture.given(waitingSagaStarted(false), started(0, 1), stepSucceeded(0, 1), awaiting(1, NOW, false))
                .when(abortSaga(TENANT))
                .expectEvents(compensationStarted(APPROVAL, SagaProgress.CANCELLED,
                                CANCEL_REASON, List.of(RESERVE)),
                        compensationStepStarted(0, 1));
    }

    private static StepFailedEvent failed(int stepIndex, int attempt,
                                                                                 boolean retryable) {
        return new StepFailedEvent(SAGA_ID, EXECUTION_ID, TENANT, stepIndex,
                APPROVAL, attempt, StepFailureCodes.SIGNAL_TIMEOUT, FAILURE_MESSAGE,
                retryable, DURATION_MILLIS);
    }
}
