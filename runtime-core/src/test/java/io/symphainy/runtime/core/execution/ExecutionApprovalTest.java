package io.symphainy.runtime.core.execution;

import static io.symphainy.runtime.core.TestData.ACCEPTED_AT;
import static io.symphainy.runtime.core.TestData.APPROVER;
import static io.symphainy.runtime.core.TestData.OTHER_TENANT;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.USER;
import static io.symphainy.runtime.core.TestData.approve;
import static io.symphainy.runtime.core.TestData.awaitingApproval;
import static io.symphainy.runtime.core.TestData.cancelExecution;
import static io.symphainy.runtime.core.TestData.executionApproved;
import static io.symphainy.runtime.core.TestData.executionCancelled;
import static io.symphainy.runtime.core.TestData.executionExpired;
import static io.symphainy.runtime.core.TestData.executionRejectedByApprover;
import static io.symphainy.runtime.core.TestData.executionStarted;
import static io.symphainy.runtime.core.TestData.expire;
import static io.symphainy.runtime.core.TestData.intentAccepted;
import static io.symphainy.runtime.core.TestData.intentAcceptedAwaitingApproval;
import static io.symphainy.runtime.core.TestData.rejectByApprover;
import static io.symphainy.runtime.core.TestData.ruleViolation;
import static io.symphainy.runtime.core.TestData.startExecution;
import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An execution the policy holds: it waits, then is approved by someone else, rejected, cancelled or expires.
 */
class ExecutionApprovalTest {

    private FixtureConfiguration<Execution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Execution.class);
    }

    @Test
    void anAcceptedIntentThePolicyHoldsAwaitsApprovalUntilTheRulesDeadline() {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        EventSourcingRepository<Execution> repository = EventSourcingRepository.builder(Execution.class)
                .eventStore(store).build();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            try {
                repository.newInstance(() -> new Execution(intentAcceptedAwaitingApproval(), ACCEPTED_AT));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<Object> recorded = new ArrayList<>();
        store.readEvents(intentAcceptedAwaitingApproval().executionId().toString())
                .asStream().map(EventMessage::getPayload).forEach(recorded::add);
        assertThat(recorded).containsExactly(intentAcceptedAwaitingApproval(), awaitingApproval());
    }

    @Test
    void anApproverOtherThanTheSubmitterApprovesIt() {
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval())
                .when(approve(TENANT, APPROVER))
                .expectEvents(executionApproved())
                .expectState(execution -> assertThat(execution.receipt(false).status())
                        .isEqualTo(ExecutionStatus.ACCEPTED));
    }

    @Test
    void anApprovedExecutionStarts() {
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval(), executionApproved())
                .when(startExecution(TENANT))
                .expectEvents(executionStarted());
    }

    @Test
    void aHeldExecutionDoesNotStart() {
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval())
                .when(startExecution(TENANT))
                .expectNoEvents();
    }

    @Test
    void theSubmitterCannotApproveOrRejectTheirOwnIntent() {
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval())
                .when(approve(TENANT, USER))
                .expectException(RuleViolationException.class)
                .expectException(ruleViolation(RuleViolationCode.SELF_APPROVAL_FORBIDDEN))
                .expectNoEvents();
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval())
                .when(rejectByApprover(TENANT, USER))
                .expectException(ruleViolation(RuleViolationCode.SELF_APPROVAL_FORBIDDEN));
    }

    @Test
    void anotherTenantsApproverFindsNoExecution() {
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval())
                .when(approve(OTHER_TENANT, APPROVER))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_FOUND));
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval())
                .when(rejectByApprover(OTHER_TENANT, APPROVER))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_FOUND));
    }

    @Test
    void onlyAnExecutionAwaitingApprovalCanBeApproved() {
        fixture.given(intentAccepted())
                .when(approve(TENANT, APPROVER))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_AWAITING_APPROVAL));
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval(), executionApproved())
                .when(approve(TENANT, APPROVER))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_AWAITING_APPROVAL));
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval(), executionExpired())
                .when(rejectByApprover(TENANT, APPROVER))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_AWAITING_APPROVAL));
    }

    @Test
    void anApproverRejectsIt() {
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval())
                .when(rejectByApprover(TENANT, APPROVER))
                .expectEvents(executionRejectedByApprover())
                .expectState(execution -> assertThat(execution.receipt(true))
                        .extracting(IntakeReceipt::status, IntakeReceipt::rejectionCode)
                        .containsExactly(ExecutionStatus.REJECTED, RejectionCode.APPROVAL_REJECTED));
    }

    @Test
    void itExpiresWhenTheDeadlineFiresBeforeADecision() {
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval())
                .when(expire(TENANT))
                .expectEvents(executionExpired())
                .expectState(execution -> assertThat(execution.receipt(true))
                        .extracting(IntakeReceipt::status, IntakeReceipt::rejectionCode)
                        .containsExactly(ExecutionStatus.EXPIRED, RejectionCode.APPROVAL_EXPIRED));
    }

    @Test
    void aDeadlineFiringAfterADecisionChangesNothing() {
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval(), executionApproved())
                .when(expire(TENANT))
                .expectNoEvents();
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval(), executionRejectedByApprover())
                .when(expire(TENANT))
                .expectNoEvents();
    }

    @Test
    void aHeldExecutionCanBeCancelled() {
        fixture.given(intentAcceptedAwaitingApproval(), awaitingApproval())
                .when(cancelExecution(TENANT))
                .expectEvents(executionCancelled());
    }
}
