package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.APPROVAL_DEADLINE;
import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.awaitingApproval;
import static io.symphainy.runtime.core.TestData.capability;
import static io.symphainy.runtime.core.TestData.executionApproved;
import static io.symphainy.runtime.core.TestData.executionCancelled;
import static io.symphainy.runtime.core.TestData.executionExpired;
import static io.symphainy.runtime.core.TestData.executionRejectedByApprover;
import static io.symphainy.runtime.core.TestData.expire;
import static io.symphainy.runtime.core.TestData.intentAcceptedAwaitingApproval;
import static io.symphainy.runtime.core.TestData.startExecution;
import static io.symphainy.runtime.core.TestData.startSaga;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.saga.messages.ApprovalDeadline;
import io.symphainy.runtime.core.worker.StepWorker;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * The coordinator of an execution the policy holds: nothing starts until approval, and the approval deadline ends
 * the wait.
 */
class SagaCoordinatorApprovalTest {

    private SagaTestFixture<SagaCoordinator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(SagaCoordinator.class);
        fixture.registerResource(new Curator(List.of(capability()), SAGA_PROPERTIES));
        fixture.registerResource(Mockito.mock(StepWorker.class));
    }

    @Test
    void startsNothingWhileTheExecutionAwaitsApproval() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(intentAcceptedAwaitingApproval())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void schedulesTheApprovalDeadlineAtTheRecordedInstant() {
        fixture.givenAPublished(intentAcceptedAwaitingApproval())
                .whenPublishingA(awaitingApproval())
                .expectScheduledDeadlineWithName(APPROVAL_DEADLINE, SagaCoordinator.APPROVAL_TIMEOUT)
                .expectScheduledDeadline(APPROVAL_DEADLINE, new ApprovalDeadline(EXECUTION_ID))
                .expectNoDispatchedCommands();
    }

    @Test
    void startsTheExecutionAndItsSagaAndDropsTheDeadlineOnceApproved() {
        fixture.givenAPublished(intentAcceptedAwaitingApproval())
                .andThenAPublished(awaitingApproval())
                .whenPublishingA(executionApproved())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(startExecution(TENANT), startSaga());
    }

    @Test
    void endsWithoutStartingWhenAnApproverRejects() {
        fixture.givenAPublished(intentAcceptedAwaitingApproval())
                .andThenAPublished(awaitingApproval())
                .whenPublishingA(executionRejectedByApprover())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void expiresTheExecutionWhenTheDeadlineFires() {
        fixture.givenAPublished(intentAcceptedAwaitingApproval())
                .andThenAPublished(awaitingApproval())
                .whenTimeAdvancesTo(APPROVAL_DEADLINE)
                .expectTriggeredDeadlinesWithName(SagaCoordinator.APPROVAL_TIMEOUT)
                .expectDispatchedCommands(expire(TENANT));
    }

    @Test
    void endsOnceTheExecutionExpired() {
        fixture.givenAPublished(intentAcceptedAwaitingApproval())
                .andThenAPublished(awaitingApproval())
                .whenPublishingA(executionExpired())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void aCancelledHeldExecutionOnlyEndsItsWait() {
        fixture.givenAPublished(intentAcceptedAwaitingApproval())
                .andThenAPublished(awaitingApproval())
                .whenPublishingA(executionCancelled())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }
}
