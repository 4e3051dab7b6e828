package io.symphainy.runtime.core.replay;

import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.SESSION_ID;
import static io.symphainy.runtime.core.TestData.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.execution.messages.ExecutionSnapshot;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.replay.messages.StateDrift;
import io.symphainy.runtime.core.replay.messages.StepOutcome;
import io.symphainy.runtime.core.saga.messages.SagaSnapshot;
import io.symphainy.runtime.core.saga.messages.StepSnapshot;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.state.messages.StepStateView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import org.junit.jupiter.api.Test;

class ReplayRulesTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void mergesByTimestampKeepingTheGivenOrderOnTies() {
        List<Instant> merged = ReplayRules.merge(List.of(T0, T0.plusSeconds(2)), List.of(T0, T0.plusSeconds(1)),
                instant -> instant);
        assertThat(merged).containsExactly(T0, T0, T0.plusSeconds(1), T0.plusSeconds(2));
    }

    /** One transaction records the saga's last success and completion and the execution's completion, often in 1 ms. */
    @Test
    void putsAnExecutionsEndAfterTheSagaEventsOfTheSameInstantAndItsStartBeforeThem() {
        record Recorded(Instant at, Class<?> type, boolean saga) {
        }
        Recorded accepted = new Recorded(T0, IntentAcceptedEvent.class, false);
        Recorded sagaStarted = new Recorded(T0, SagaStartedEvent.class, true);
        Recorded stepSucceeded = new Recorded(T0.plusSeconds(1), StepSucceededEvent.class, true);
        Recorded sagaCompleted = new Recorded(T0.plusSeconds(1), SagaCompletedEvent.class, true);
        Recorded completed = new Recorded(T0.plusSeconds(1), ExecutionCompletedEvent.class, false);

        List<Recorded> merged = ReplayRules.merge(List.of(accepted, completed),
                List.of(sagaStarted, stepSucceeded, sagaCompleted), Recorded::at,
                event -> ReplayRules.causalRank(event.saga(), event.type()));

        assertThat(merged).containsExactly(accepted, sagaStarted, stepSucceeded, sagaCompleted, completed);
    }

    @Test
    void pointInTimeKeepsEventsUpToAnIndexOrAnInstant() {
        List<Instant> events = List.of(T0, T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(ReplayRules.keptCount(events, null, null, i -> i)).isEqualTo(3);
        assertThat(ReplayRules.keptCount(events, 0L, null, i -> i)).isEqualTo(1);
        assertThat(ReplayRules.keptCount(events, 99L, null, i -> i)).isEqualTo(3);
        assertThat(ReplayRules.keptCount(events, null, T0.plusMillis(1500), i -> i)).isEqualTo(2);
        assertThat(ReplayRules.keptCount(events, null, T0.minusSeconds(1), i -> i)).isZero();
    }

    @Test
    void onlyPureAndIdempotentStepsRunAgain() {
        assertThat(ReplayRules.mayRunAgain(SideEffectClass.PURE)).isTrue();
        assertThat(ReplayRules.mayRunAgain(SideEffectClass.IDEMPOTENT)).isTrue();
        assertThat(ReplayRules.mayRunAgain(SideEffectClass.COMPENSATABLE)).isFalse();
        assertThat(ReplayRules.mayRunAgain(SideEffectClass.NON_REPEATABLE)).isFalse();
    }

    @Test
    void verdictComparesOutputsOrFailureCodes() {
        StepOutcome done = StepOutcome.success(Map.of("r", "1"), Map.of("f", 1));
        assertThat(ReplayRules.verdict(done, StepOutcome.success(Map.of("r", "1"), Map.of("f", 1)))).isEqualTo("match");
        assertThat(ReplayRules.verdict(done, StepOutcome.success(Map.of("r", "2"), Map.of("f", 1))))
                .isEqualTo("divergence");
        assertThat(ReplayRules.verdict(done, StepOutcome.failure("X", "x"))).isEqualTo("divergence");
        assertThat(ReplayRules.verdict(StepOutcome.failure("X", "a"), StepOutcome.failure("X", "b")))
                .isEqualTo("match");
    }

    @Test
    void noDriftWhenTheRecordAgreesWithTheEvents() {
        assertThat(ReplayRules.drift(execution(ExecutionStatus.COMPLETED), saga("succeeded", 2),
                recorded(ExecutionStatus.COMPLETED, "succeeded", 2))).isEmpty();
    }

    @Test
    void driftIsListedFieldByField() {
        List<StateDrift> drift = ReplayRules.drift(execution(ExecutionStatus.COMPLETED), saga("succeeded", 2),
                recorded(ExecutionStatus.FAILED, "failed", 3));
        assertThat(drift).extracting(StateDrift::field)
                .containsExactly("status", "steps[0].status", "steps[0].attempts");
        assertThat(drift.get(0)).isEqualTo(new StateDrift("status", "completed", "failed"));
    }

    @Test
    void aMissingRecordIsDrift() {
        assertThat(ReplayRules.drift(execution(ExecutionStatus.RUNNING), null, null))
                .containsExactly(new StateDrift("record", "present", "missing"));
    }

    private static ExecutionSnapshot execution(ExecutionStatus status) {
        return new ExecutionSnapshot(EXECUTION_ID, TENANT, SESSION_ID, status, Map.of("ref", "1"));
    }

    private static SagaSnapshot saga(String stepStatus, int attempts) {
        return new SagaSnapshot(SAGA_ID, EXECUTION_ID, "cap", true,
                List.of(new StepSnapshot(0, "reserve", stepStatus, attempts, null)), Map.of("ref", "1"));
    }

    private static ExecutionStateView recorded(ExecutionStatus status, String stepStatus, int attempts) {
        StepStateView step = new StepStateView(0, "reserve", "PURE", false, stepStatus, attempts, null, null, null,
                null, null, null, Map.of(), Map.of(), null);
        return new ExecutionStateView(EXECUTION_ID, TENANT, SESSION_ID, "u", "i", "t", "r", "cap", status, null, null,
                null, null, List.of(), null, Map.of("ref", "1"), null, null, null, null, null, null, null, null,
                null, null, List.of(step), null, null, null, null);
    }
}
