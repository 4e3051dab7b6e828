package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.CANCEL_REASON;
import static io.symphainy.runtime.core.TestData.CAPABILITY;
import static io.symphainy.runtime.core.TestData.CHARGE;
import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.OTHER_TENANT;
import static io.symphainy.runtime.core.TestData.RESERVE;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.abortSaga;
import static io.symphainy.runtime.core.TestData.compensationStarted;
import static io.symphainy.runtime.core.TestData.compensationStepStarted;
import static io.symphainy.runtime.core.TestData.recordSuccess;
import static io.symphainy.runtime.core.TestData.ruleViolation;
import static io.symphainy.runtime.core.TestData.sagaStarted;
import static io.symphainy.runtime.core.TestData.stepName;
import static io.symphainy.runtime.core.TestData.stepStarted;
import static io.symphainy.runtime.core.TestData.stepSucceeded;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.saga.messages.AwaitCapabilityVersionCommand;
import io.symphainy.runtime.core.saga.messages.AwaitedStepTakenOverEvent;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.StepAwaitingCapabilityVersionEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.TakeOverAwaitedStepCommand;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An attempt that waits for a node with its capability version: recorded once, taken over once, and answered with
 * the execution's own version; it spends no retry and does not hold up a cancellation.
 */
class SagaVersionWaitTest {

    private static final String REASON = "capability orders.place-order version 1 is not registered on any node"
            + " that saw it";

    private FixtureConfiguration<Saga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Saga.class);
    }

    @Test
    void recordsThatTheRunningAttemptWaitsForItsVersion() {
        fixture.given(sagaStarted(), stepStarted(0, 1))
                .when(await(TENANT, 0, 1))
                .expectEvents(awaiting(0, 1));
    }

    @Test
    void recordsTheWaitOnceWhenTwoNodesLackTheVersion() {
        fixture.given(sagaStarted(), stepStarted(0, 1), awaiting(0, 1))
                .when(await(TENANT, 0, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresAWaitForAnAttemptThatIsNoLongerCurrent() {
        fixture.given(sagaStarted(), stepStarted(0, 1), stepSucceeded(0, 1), stepStarted(1, 1))
                .when(await(TENANT, 0, 1))
                .expectNoEvents();
    }

    @Test
    void letsTheFirstNodeWithTheVersionTakeTheAttemptOverWithTheSameAttemptNumber() {
        fixture.given(sagaStarted(), stepStarted(1, 3), awaiting(1, 3))
                .when(takeOver(TENANT, 1, 3))
                .expectEvents(takenOver(1, 3))
                .expectResultMessagePayload(new NextAttempt(StepPhase.FORWARD, 1, 3, CAPABILITY, "1"));
    }

    @Test
    void answersNothingToASecondNodeThatWantsTheSameAttempt() {
        fixture.given(sagaStarted(), stepStarted(0, 1), awaiting(0, 1), takenOver(0, 1))
                .when(takeOver(TENANT, 0, 1))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void takesNothingOverThatDoesNotWait() {
        fixture.given(sagaStarted(), stepStarted(0, 1))
                .when(takeOver(TENANT, 0, 1))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void countsTheOutcomeOfATakenOverAttemptAsAnyOther() {
        fixture.given(sagaStarted(), stepStarted(0, 1), awaiting(0, 1), takenOver(0, 1))
                .when(recordSuccess(0, 1))
                .expectEvents(stepSucceeded(0, 1), stepStarted(1, 1));
    }

    @Test
    void cancelsAtOnceWhileTheAttemptWaitsInsteadOfWaitingForItsOutcome() {
        fixture.given(sagaStarted(), stepStarted(0, 1), stepSucceeded(0, 1), stepStarted(1, 1), awaiting(1, 1))
                .when(abortSaga(TENANT))
                .expectEvents(compensationStarted(CHARGE, SagaProgress.CANCELLED, CANCEL_REASON, List.of(RESERVE)),
                        compensationStepStarted(0, 1))
                .expectResultMessagePayload(new NextAttempt(StepPhase.COMPENSATION, 0, 1, CAPABILITY, "1"));
    }

    @Test
    void refusesAnotherTenantsWait() {
        fixture.given(sagaStarted(), stepStarted(0, 1))
                .when(await(OTHER_TENANT, 0, 1))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_FOUND));
    }

    @Test
    void refusesAnotherTenantsTakeOver() {
        fixture.given(sagaStarted(), stepStarted(0, 1), awaiting(0, 1))
                .when(takeOver(OTHER_TENANT, 0, 1))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_FOUND));
    }

    private static AwaitCapabilityVersionCommand await(TenantId caller, int step, int attempt) {
        return new AwaitCapabilityVersionCommand(SAGA_ID, caller, StepPhase.FORWARD, step, attempt, REASON);
    }

    private static TakeOverAwaitedStepCommand takeOver(TenantId caller, int step, int attempt) {
        return new TakeOverAwaitedStepCommand(SAGA_ID, caller, StepPhase.FORWARD, step, attempt);
    }

    private static StepAwaitingCapabilityVersionEvent awaiting(int step, int attempt) {
        return new StepAwaitingCapabilityVersionEvent(SAGA_ID, EXECUTION_ID, TENANT, StepPhase.FORWARD, step,
                stepName(step), attempt, CAPABILITY, "1", REASON);
    }

    private static AwaitedStepTakenOverEvent takenOver(int step, int attempt) {
        return new AwaitedStepTakenOverEvent(SAGA_ID, EXECUTION_ID, TENANT, StepPhase.FORWARD, step, stepName(step),
                attempt, CAPABILITY, "1");
    }
}
