package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.CANCEL_REASON;
import static io.symphainy.runtime.core.TestData.CAPABILITY;
import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.awaitingApproval;
import static io.symphainy.runtime.core.TestData.capability;
import static io.symphainy.runtime.core.TestData.executionApproved;
import static io.symphainy.runtime.core.TestData.executionCancelled;
import static io.symphainy.runtime.core.TestData.intentAcceptedAwaitingApproval;
import static io.symphainy.runtime.core.TestData.steps;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.execution.messages.AwaitCapabilityVersionToStartCommand;
import io.symphainy.runtime.core.execution.messages.AwaitedStartTakenOverEvent;
import io.symphainy.runtime.core.saga.messages.AbortSagaCommand;
import io.symphainy.runtime.core.worker.StepInvocation;
import io.symphainy.runtime.core.worker.StepWorker;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator of a held execution approved on a node that has only version 2 of its capability, while it was
 * accepted on version 1: it starts nothing, records that the execution waits for a node with version 1, and a
 * cancellation only ends the wait until a node with the version took the execution over.
 */
class SagaCoordinatorVersionWaitTest {

    private static final String REASON = "capability " + CAPABILITY + " version 1 is not registered on any node that"
            + " saw it";

    private SagaTestFixture<SagaCoordinator> fixture;
    private StepWorker worker;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SagaCoordinator.class);
        fixture.registerResource(new Curator(List.of(capability().withVersion("2", steps())), SAGA_PROPERTIES));
        worker = mock(StepWorker.class);
        fixture.registerResource(worker);
    }

    @Test
    void anExecutionApprovedOnANodeWithoutItsVersionWaitsNotStarted() {
        fixture.givenAPublished(intentAcceptedAwaitingApproval())
                .andThenAPublished(awaitingApproval())
                .whenPublishingA(executionApproved())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(new AwaitCapabilityVersionToStartCommand(EXECUTION_ID, TENANT, REASON));

        verify(worker, never()).runAfterCommit(any(StepInvocation.class));
    }

    @Test
    void cancellingAnExecutionThatWaitsToStartOnlyEndsTheWait() {
        fixture.givenAPublished(intentAcceptedAwaitingApproval())
                .andThenAPublished(awaitingApproval())
                .andThenAPublished(executionApproved())
                .whenPublishingA(executionCancelled())
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void onceANodeWithTheVersionTookItOverACancellationAbortsItsSaga() {
        fixture.givenAPublished(intentAcceptedAwaitingApproval())
                .andThenAPublished(awaitingApproval())
                .andThenAPublished(executionApproved())
                .andThenAPublished(new AwaitedStartTakenOverEvent(EXECUTION_ID, TENANT, CAPABILITY, "1"))
                .whenPublishingA(executionCancelled())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new AbortSagaCommand(SAGA_ID, TENANT, CANCEL_REASON));
    }
}
