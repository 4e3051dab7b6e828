package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.CAPABILITY;
import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.FAILURE_MESSAGE;
import static io.symphainy.runtime.core.TestData.RETRY_POLICY;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SESSION_ID;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.plan;
import static io.symphainy.runtime.core.TestData.recordFailure;
import static io.symphainy.runtime.core.TestData.recordSuccess;
import static io.symphainy.runtime.core.TestData.referencesOf;
import static io.symphainy.runtime.core.TestData.sagaStarted;
import static io.symphainy.runtime.core.TestData.stepFailed;
import static io.symphainy.runtime.core.TestData.stepName;
import static io.symphainy.runtime.core.TestData.stepStarted;
import static io.symphainy.runtime.core.TestData.stepSucceeded;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaFailedEvent;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A resumed execution's saga: it records the outputs it takes over, starts at the first step after them, counts
 * their references in its result and never compensates them (they ran in another execution).
 */
class SagaResumeTest {

    private static final ExecutionId RESUMED = ExecutionId.random();

    private FixtureConfiguration<Saga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Saga.class);
    }

    @Test
    void startsAtTheFirstStepThatIsNotReused() {
        fixture.givenNoPriorActivity()
                .when(new StartSagaCommand(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID, CAPABILITY, plan(),
                        RETRY_POLICY, List.of(reused(0)), "1"))
                .expectEvents(sagaStarted(), outputReused(0), stepStarted(1, 1));
    }

    @Test
    void completesAtOnceWhenEveryStepIsReused() {
        List<ReusedStep> all = List.of(reused(0), reused(1), reused(2));
        fixture.givenNoPriorActivity()
                .when(new StartSagaCommand(SAGA_ID, EXECUTION_ID, TENANT, SESSION_ID, CAPABILITY, plan(),
                        RETRY_POLICY, all, "1"))
                .expectEvents(sagaStarted(), outputReused(0), outputReused(1), outputReused(2),
                        new SagaCompletedEvent(SAGA_ID, EXECUTION_ID, TENANT, allReferences()));
    }

    @Test
    void theResultIncludesTheReusedReferences() {
        fixture.given(sagaStarted(), outputReused(0), stepStarted(1, 1), stepSucceeded(1, 1), stepStarted(2, 1))
                .when(recordSuccess(2, 1))
                .expectEvents(stepSucceeded(2, 1), new SagaCompletedEvent(SAGA_ID, EXECUTION_ID, TENANT,
                        allReferences()));
    }

    @Test
    void aReusedStepIsNotCompensatedWhenALaterStepFails() {
        fixture.given(sagaStarted(), outputReused(0), stepStarted(1, 1))
                .when(recordFailure(1, 1, "DECLINED", false))
                .expectEvents(stepFailed(1, 1, "DECLINED", false), new SagaFailedEvent(SAGA_ID, EXECUTION_ID, TENANT,
                        stepName(1), "DECLINED", FAILURE_MESSAGE));
    }

    private static ReusedStep reused(int index) {
        return new ReusedStep(RESUMED, index, stepName(index), referencesOf(index), Map.of("attempt", 1));
    }

    private static StepOutputReusedEvent outputReused(int index) {
        return new StepOutputReusedEvent(SAGA_ID, EXECUTION_ID, TENANT, index, stepName(index), RESUMED,
                referencesOf(index), Map.of("attempt", 1));
    }

    private static Map<String, String> allReferences() {
        Map<String, String> references = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            references.putAll(referencesOf(i));
        }
        return references;
    }
}
