package io.symphainy.runtime.core.execution;

import static io.symphainy.runtime.core.TestData.OTHER_TENANT;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.cancelExecution;
import static io.symphainy.runtime.core.TestData.completeExecution;
import static io.symphainy.runtime.core.TestData.executionCancelled;
import static io.symphainy.runtime.core.TestData.executionCompensated;
import static io.symphainy.runtime.core.TestData.executionCompensating;
import static io.symphainy.runtime.core.TestData.executionCompleted;
import static io.symphainy.runtime.core.TestData.executionFailed;
import static io.symphainy.runtime.core.TestData.executionStarted;
import static io.symphainy.runtime.core.TestData.failExecution;
import static io.symphainy.runtime.core.TestData.intentAccepted;
import static io.symphainy.runtime.core.TestData.intentRejected;
import static io.symphainy.runtime.core.TestData.markCompensating;
import static io.symphainy.runtime.core.TestData.recordCompensated;
import static io.symphainy.runtime.core.TestData.ruleViolation;
import static io.symphainy.runtime.core.TestData.startExecution;

import io.symphainy.runtime.core.common.RuleViolationCode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExecutionTest {

    private static final Map<String, String> RESULT = Map.of("order.id", "order-42");

    private FixtureConfiguration<Execution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Execution.class);
    }

    @Test
    void startsAnAcceptedExecution() {
        fixture.given(intentAccepted())
                .when(startExecution(TENANT))
                .expectEvents(executionStarted());
    }

    @Test
    void completesARunningExecutionWithItsResultReferences() {
        fixture.given(intentAccepted(), executionStarted())
                .when(completeExecution(TENANT, RESULT))
                .expectEvents(executionCompleted(RESULT));
    }

    @Test
    void startingARunningExecutionAgainChangesNothing() {
        fixture.given(intentAccepted(), executionStarted())
                .when(startExecution(TENANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void neverStartsARejectedExecution() {
        fixture.given(intentRejected())
                .when(startExecution(TENANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void failsARunningExecution() {
        fixture.given(intentAccepted(), executionStarted())
                .when(failExecution(TENANT))
                .expectEvents(executionFailed());
    }

    @Test
    void marksARunningExecutionAsCompensating() {
        fixture.given(intentAccepted(), executionStarted())
                .when(markCompensating(TENANT))
                .expectEvents(executionCompensating());
    }

    @Test
    void marksCompensatingOnlyOnce() {
        fixture.given(intentAccepted(), executionStarted(), executionCompensating())
                .when(markCompensating(TENANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void doesNotMarkAnExecutionThatNeverStartedAsCompensating() {
        fixture.given(intentAccepted())
                .when(markCompensating(TENANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void recordsACompensatingExecutionAsCompensated() {
        fixture.given(intentAccepted(), executionStarted(), executionCompensating())
                .when(recordCompensated(TENANT))
                .expectEvents(executionCompensated());
    }

    static Stream<Arguments> lateOutcomesOfFinishedExecutions() {
        List<Object> terminalEvents = List.of(executionCompleted(RESULT), executionFailed(), executionCompensated(),
                executionCancelled());
        List<Object> lateCommands = List.of(completeExecution(TENANT, RESULT), failExecution(TENANT),
                recordCompensated(TENANT), markCompensating(TENANT));
        return terminalEvents.stream().flatMap(terminal -> lateCommands.stream().map(late -> Arguments.of(
                terminal.getClass().getSimpleName(), terminal, late.getClass().getSimpleName(), late)));
    }

    @ParameterizedTest(name = "after {0}: {2}")
    @MethodSource("lateOutcomesOfFinishedExecutions")
    void ignoresLateOutcomesOnceFinished(String terminalName, Object terminal, String lateName, Object late) {
        fixture.given(intentAccepted(), executionStarted(), terminal)
                .when(late)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresOutcomesForARejectedExecution() {
        fixture.given(intentRejected())
                .when(completeExecution(TENANT, RESULT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancelsARunningExecution() {
        fixture.given(intentAccepted(), executionStarted())
                .when(cancelExecution(TENANT))
                .expectEvents(executionCancelled());
    }

    @Test
    void cancelsACompensatingExecution() {
        fixture.given(intentAccepted(), executionStarted(), executionCompensating())
                .when(cancelExecution(TENANT))
                .expectEvents(executionCancelled());
    }

    static Stream<Arguments> finishedExecutions() {
        return Stream.of(
                Arguments.of("completed", List.of(intentAccepted(), executionStarted(), executionCompleted(RESULT))),
                Arguments.of("failed", List.of(intentAccepted(), executionStarted(), executionFailed())),
                Arguments.of("compensated", List.of(intentAccepted(), executionStarted(), executionCompensated())),
                Arguments.of("cancelled", List.of(intentAccepted(), executionStarted(), executionCancelled())),
                Arguments.of("rejected", List.of(intentRejected())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finishedExecutions")
    void refusesToCancelAFinishedExecution(String status, List<Object> history) {
        fixture.given(history)
                .when(cancelExecution(TENANT))
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_ALREADY_FINISHED))
                .expectNoEvents();
    }

    static Stream<Object> commandsOfAnotherTenant() {
        return Stream.of(startExecution(OTHER_TENANT), markCompensating(OTHER_TENANT),
                completeExecution(OTHER_TENANT, RESULT), failExecution(OTHER_TENANT),
                recordCompensated(OTHER_TENANT), cancelExecution(OTHER_TENANT));
    }

    @ParameterizedTest
    @MethodSource("commandsOfAnotherTenant")
    void refusesAnotherTenantsCommandAsIfTheExecutionDidNotExist(Object command) {
        fixture.given(intentAccepted(), executionStarted())
                .when(command)
                .expectException(ruleViolation(RuleViolationCode.EXECUTION_NOT_FOUND))
                .expectNoEvents();
    }
}
