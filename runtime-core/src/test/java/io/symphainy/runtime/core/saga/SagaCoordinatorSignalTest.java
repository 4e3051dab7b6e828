package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.APPROVAL_REQUIRED;
import static io.symphainy.runtime.core.TestData.INTENT_ID;
import static io.symphainy.runtime.core.TestData.NOTIFY;
import static io.symphainy.runtime.core.TestData.PAYLOAD_FINGERPRINT;
import static io.symphainy.runtime.core.TestData.RETRY_POLICY;
import static io.symphainy.runtime.core.TestData.USER;
import static io.symphainy.runtime.core.TestData.capability;
import static io.symphainy.runtime.core.TestData.executionApproved;
import static io.symphainy.runtime.core.TestData.startExecution;
import static io.symphainy.runtime.core.TestData.step;
import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.SESSION_ID;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.saga.SignalTestData.KEY;
import static io.symphainy.runtime.core.saga.SignalTestData.NOW;
import static io.symphainy.runtime.core.saga.SignalTestData.SIGNAL;
import static io.symphainy.runtime.core.saga.SignalTestData.WAIT;
import static io.symphainy.runtime.core.saga.SignalTestData.WAITING_CAPABILITY;
import static io.symphainy.runtime.core.saga.SignalTestData.awaiting;
import static io.symphainy.runtime.core.saga.SignalTestData.delivered;
import static io.symphainy.runtime.core.saga.SignalTestData.waitingCapability;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.SignalWait;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.saga.messages.PlannedSignal;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.SignalWaitDeadline;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.worker.StepInvocation;
import io.symphainy.runtime.core.worker.StepFailureCodes;
import io.symphainy.runtime.core.worker.StepWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's part in a wait for a signal: the wait creates it and schedules the wait's timeout as a persistent
 * deadline, a delivery cancels it, and a timeout fails the wait's attempt and runs the compensation that starts.
 */
class SagaCoordinatorSignalTest {

    private static final Map<String, String> FILED = Map.of(MetaDataKeys.SESSION_ID, SESSION_ID.toString());

    private SagaTestFixture<SagaCoordinator> fixture;
    private StepWorker worker;

    @BeforeEach
    void setUp() {
        worker = mock(StepWorker.class);
        fixture = new SagaTestFixture<>(SagaCoordinator.class);
        fixture.registerResource(new Curator(List.of(waitingCapability(false), waitingFirst()), SAGA_PROPERTIES));
        fixture.registerResource(worker);
    }

    @Test
    void aWaitStartsACoordinatorThatSchedulesTheWaitsTimeout() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(awaiting(1, NOW, false), FILED)
                .expectActiveSagas(1)
                .expectAssociationWith(SagaCoordinator.EXECUTION_ID, EXECUTION_ID.toString())
                .expectScheduledDeadlineWithName(WAIT, CoordinatorSignalWaits.SIGNAL_WAIT_DEADLINE)
                .expectScheduledDeadline(WAIT, new SignalWaitDeadline(1, 1, SIGNAL, false))
                .expectNoDispatchedCommands();
    }

    @Test
    void aDeliveredSignalCancelsTheTimeout() {
        fixture.givenCurrentTime(NOW).andThenAPublished(awaiting(1, NOW, false), FILED)
                .whenPublishingA(delivered(1, KEY), FILED)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void theTimeoutFailsTheWaitAsDeclaredAndRunsTheCompensationThatStarts() {
        NextAttempt compensation = new NextAttempt(StepPhase.COMPENSATION, 0, 1, WAITING_CAPABILITY, "1");
        fixture.setCallbackBehavior((command, metaData) -> command instanceof RecordStepFailedCommand
                ? compensation : null);
        fixture.givenCurrentTime(NOW).andThenAPublished(awaiting(1, NOW, false), FILED)
                .whenTimeElapses(WAIT)
                .expectTriggeredDeadlinesWithName(CoordinatorSignalWaits.SIGNAL_WAIT_DEADLINE)
                .expectDispatchedCommands(new RecordStepFailedCommand(SAGA_ID, TENANT, StepPhase.FORWARD, 1, 1,
                        StepFailureCodes.SIGNAL_TIMEOUT, "no signal '" + SIGNAL + "' arrived before the wait's deadline",
                        false, 0));

        verify(worker).runAfterCommit(new StepInvocation(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID,
                WAITING_CAPABILITY, "1", StepPhase.COMPENSATION, 0, 1));
    }

    @Test
    void anApprovedExecutionStartsWaitingForTheSignalItsPayloadNamedAndRunsNothing() {
        IntentAcceptedEvent held = new IntentAcceptedEvent(EXECUTION_ID, INTENT_ID, TENANT, USER, SESSION_ID,
                "orders.await-first", "orders", WAITING_FIRST, Map.of("signal", "signal-of-the-payload"), Map.of(),
                null, PAYLOAD_FINGERPRINT, APPROVAL_REQUIRED);
        List<PlannedStep> plan = List.of(
                new PlannedStep(0, "wait", SideEffectClass.PURE, false, WAIT.toMillis(),
                        new PlannedSignal("signal-of-the-payload", false)),
                new PlannedStep(1, NOTIFY, SideEffectClass.NON_REPEATABLE, false, 30_000));

        fixture.givenAPublished(held)
                .whenPublishingA(executionApproved())
                .expectDispatchedCommands(startExecution(TENANT), new StartSagaCommand(SAGA_ID, EXECUTION_ID, TENANT,
                        SESSION_ID, WAITING_FIRST, plan, RETRY_POLICY, List.of(), "1"));

        verify(worker, never()).runAfterCommit(any());
        verify(worker, never()).runAfterCommit(any(), any());
    }

    @Test
    void nothingHappensBeforeTheDeadline() {
        fixture.givenCurrentTime(NOW).andThenAPublished(awaiting(1, NOW, true), FILED)
                .whenTimeElapses(WAIT.minus(Duration.ofMillis(1)))
                .expectNoDispatchedCommands();

        verify(worker, never()).runAfterCommit(any());
    }

    private static final String WAITING_FIRST = "orders.await-first";

    /** Waits first, for the signal its payload names, then notifies. */
    private static CapabilityDefinition waitingFirst() {
        return capability(WAITING_FIRST, "orders", Set.of("orders.await-first"), "{\"type\": \"object\"}", List.of(
                StepDefinition.awaitSignal("wait", SignalWait.fromPayload(
                        payload -> (String) payload.get("signal"), payload -> WAIT)),
                step(NOTIFY, SideEffectClass.NON_REPEATABLE)));
    }
}
