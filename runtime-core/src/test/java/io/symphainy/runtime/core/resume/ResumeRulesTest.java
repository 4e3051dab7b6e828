package io.symphainy.runtime.core.resume;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.TestData;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumeRulesTest {

    private static final ExecutionId RESUMED = TestData.EXECUTION_ID;

    @Test
    void reusesTheLeadingStepsThatSucceeded() {
        List<Object> saga = List.of(TestData.sagaStarted(), TestData.stepSucceeded(0, 1), TestData.stepSucceeded(1, 2),
                TestData.stepFailed(2, 1, "X", false));

        List<ReusedStep> reused = ResumeRules.reusableSteps(RESUMED, saga, TestData.plan());

        assertThat(reused).extracting(ReusedStep::stepIndex).containsExactly(0, 1);
        assertThat(reused.get(1).references()).isEqualTo(TestData.referencesOf(1));
        assertThat(reused.get(1).facts()).isEqualTo(Map.of("attempt", 2));
        assertThat(reused.get(0).recordedBy()).isEqualTo(RESUMED);
    }

    @Test
    void stopsAtTheFirstCompensatedStep() {
        List<Object> saga = List.of(TestData.stepSucceeded(0, 1), TestData.stepSucceeded(1, 1),
                TestData.stepFailed(2, 1, "X", false), compensated(1));

        assertThat(ResumeRules.reusableSteps(RESUMED, saga, TestData.plan()))
                .extracting(ReusedStep::stepIndex).containsExactly(0);
        assertThat(ResumeRules.reusableSteps(RESUMED, List.of(TestData.stepSucceeded(0, 1), compensated(0),
                TestData.stepSucceeded(1, 1)), TestData.plan())).isEmpty();
    }

    @Test
    void reusesWhatAnEarlierResumptionReused() {
        StepOutputReusedEvent earlier = new StepOutputReusedEvent(TestData.SAGA_ID, RESUMED, TestData.TENANT, 0,
                TestData.stepName(0), ExecutionId.random(), TestData.referencesOf(0), Map.of());
        List<Object> saga = List.of(earlier, TestData.stepSucceeded(1, 1), TestData.stepFailed(2, 1, "X", false));

        assertThat(ResumeRules.reusableSteps(RESUMED, saga, TestData.plan()))
                .extracting(ReusedStep::stepIndex).containsExactly(0, 1);
    }

    @Test
    void reusesNothingOnceThePlanNoLongerMatches() {
        List<Object> saga = List.of(TestData.stepSucceeded(0, 1), TestData.stepSucceeded(1, 1));
        List<PlannedStep> renamed = TestData.plan().stream()
                .map(step -> new PlannedStep(step.index(),
                        "renamed-" + step.name(), step.sideEffect(), step.compensable(), step.timeoutMillis()))
                .toList();

        assertThat(ResumeRules.reusableSteps(RESUMED, saga, renamed)).isEmpty();
    }

    private static StepCompensatedEvent compensated(int index) {
        return new StepCompensatedEvent(TestData.SAGA_ID, RESUMED, TestData.TENANT, index, TestData.stepName(index), 1,
                5);
    }
}
