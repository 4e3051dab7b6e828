package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.RETRY_POLICY;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.recordSuccess;
import static io.symphainy.runtime.core.TestData.sagaCompleted;
import static io.symphainy.runtime.core.TestData.stepSucceeded;
import static io.symphainy.runtime.core.saga.SignalTestData.APPROVAL;
import static io.symphainy.runtime.core.saga.SignalTestData.KEY;
import static io.symphainy.runtime.core.saga.SignalTestData.PAYLOAD;
import static io.symphainy.runtime.core.saga.SignalTestData.SIGNAL;
import static io.symphainy.runtime.core.saga.SignalTestData.WAITING_CAPABILITY;
import static io.symphainy.runtime.core.saga.SignalTestData.delivered;
import static io.symphainy.runtime.core.saga.SignalTestData.deliver;
import static io.symphainy.runtime.core.saga.SignalTestData.started;
import static io.symphainy.runtime.core.saga.SignalTestData.succeeded;
import static io.symphainy.runtime.core.saga.SignalTestData.waitingCapability;
import static io.symphainy.runtime.core.saga.SignalTestData.waitingPlan;

import io.symphainy.runtime.core.TestData;
import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.saga.messages.KeptSignal;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.SignalOutcome;
import io.symphainy.runtime.core.saga.messages.SignalReceipt;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A saga that starts with the signals its execution kept while its saga had not started (held for approval, or
 * waiting for its capability version): it holds them for their wait steps, delivers each once, at its step's start
 * (at once when the saga starts in that step), and a repeated idempotency key still answers {@code kept}.
 */
class SagaKeptSignalsTest {

    private static final KeptSignal KEPT = new KeptSignal(1, APPROVAL, SIGNAL, PAYLOAD, KEY);

    private FixtureConfiguration<Saga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Saga.class);
        fixture.registerInjectableResource(new Curator(List.of(waitingCapability(false)), SAGA_PROPERTIES));
    }

    @Test
    void startsWithTheKeptSignalsAndDeliversOneWhenItsStepStartsWithoutWaiting() {
        fixture.givenNoPriorActivity()
                .when(start(waitingPlan(false)))
                .expectEvents(startedWithKept(waitingPlan(false)), started(0, 1));
        fixture.given(startedWithKept(waitingPlan(false)), started(0, 1))
                .when(recordSuccess(0, 1))
                .expectEvents(stepSucceeded(0, 1), delivered(1, KEY), succeeded(1, 1, PAYLOAD, 0), started(2, 1))
                .expectResultMessagePayload(new NextAttempt(StepPhase.FORWARD, 2, 1, WAITING_CAPABILITY, "1"));
    }

    @Test
    void deliversTheKeptSignalAtOnceWhenTheSagaStartsInItsWaitStep() {
        List<PlannedStep> waitFirst = List.of(at(waitingPlan(false).get(1), 0), at(waitingPlan(false).get(2), 1));
        KeptSignal kept = new KeptSignal(0, APPROVAL, SIGNAL, PAYLOAD, KEY);

        fixture.givenNoPriorActivity()
                .when(start(waitFirst, kept))
                .expectEvents(startedWithKept(waitFirst, kept),
                        new SignalDeliveredEvent(SAGA_ID, EXECUTION_ID, TENANT, 0, APPROVAL, 1, SIGNAL, PAYLOAD, KEY),
                        new StepSucceededEvent(SAGA_ID, EXECUTION_ID, TENANT, 0, APPROVAL, 1, Map.of(), PAYLOAD, 0),
                        new StepStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, 1, TestData.NOTIFY, 1));
    }

    @Test
    void completesAtOnceWhenKeptSignalsCompleteEveryStepLeft() {
        List<PlannedStep> onlyTheWait = List.of(at(waitingPlan(false).get(1), 0));
        KeptSignal kept = new KeptSignal(0, APPROVAL, SIGNAL, PAYLOAD, null);

        fixture.givenNoPriorActivity()
                .when(start(onlyTheWait, kept))
                .expectEvents(startedWithKept(onlyTheWait, kept),
                        new SignalDeliveredEvent(SAGA_ID, EXECUTION_ID, TENANT, 0, APPROVAL, 1, SIGNAL, PAYLOAD, null),
                        new StepSucceededEvent(SAGA_ID, EXECUTION_ID, TENANT, 0, APPROVAL, 1, Map.of(), PAYLOAD, 0),
                        sagaCompleted(Map.of()));
    }

    @Test
    void answersAKeyUsedBeforeTheStartWithKeptAndRefusesAnotherSignalForTheSameStep() {
        fixture.given(startedWithKept(waitingPlan(false)), started(0, 1))
                .when(deliver(SIGNAL, Map.of("ok", false), KEY))
                .expectNoEvents()
                .expectResultMessagePayload(new SignalReceipt(SignalOutcome.KEPT, APPROVAL, null, null, true));
        fixture.given(startedWithKept(waitingPlan(false)), started(0, 1))
                .when(deliver(SIGNAL, PAYLOAD, null))
                .expectNoEvents()
                .expectException(TestData.ruleViolation(RuleViolationCode.EXECUTION_NOT_WAITING));
    }

    /** The same step at another position of a plan. */
    private static PlannedStep at(PlannedStep step, int index) {
        return new PlannedStep(index, step.name(), step.sideEffect(), step.compensable(), step.timeoutMillis(),
                step.signal());
    }

    private static StartSagaCommand start(List<PlannedStep> plan) {
        return start(plan, KEPT);
    }

    private static StartSagaCommand start(List<PlannedStep> plan, KeptSignal kept) {
        return new StartSagaCommand(SAGA_ID, EXECUTION_ID, TENANT, null, WAITING_CAPABILITY, plan, RETRY_POLICY,
                List.of(), "1", List.of(kept));
    }

    private static SagaStartedEvent startedWithKept(List<PlannedStep> plan) {
        return startedWithKept(plan, KEPT);
    }

    private static SagaStartedEvent startedWithKept(List<PlannedStep> plan, KeptSignal kept) {
        return new SagaStartedEvent(SAGA_ID, EXECUTION_ID, TENANT, null, WAITING_CAPABILITY, plan, RETRY_POLICY, "1",
                List.of(kept));
    }
}
