package io.symphainy.runtime.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StepHandOffsTest {

    private final StepHandOffs handOffs = new StepHandOffs();
    private final ExecutionId execution = ExecutionId.random();

    @Test
    void anAttemptIsClaimedOnceAndReleasedOnlyWhileClaimed() {
        StepInvocation attempt = attempt(1, 1);
        assertThat(handOffs.claim(attempt)).isTrue();
        assertThat(handOffs.claim(attempt)).isFalse();
        assertThat(handOffs.takenOver(attempt)).isTrue();
        assertThat(handOffs.isRecorded(attempt)).isFalse();

        handOffs.release(attempt);
        assertThat(handOffs.takenOver(attempt)).isFalse();

        handOffs.recorded(attempt);
        handOffs.release(attempt);
        assertThat(handOffs.isRecorded(attempt)).isTrue();
        assertThat(handOffs.takenOver(attempt)).isTrue();
    }

    @Test
    void attemptsAreToldApartByStepAndNumber() {
        handOffs.claim(attempt(1, 1));
        assertThat(handOffs.takenOver(attempt(1, 2))).isFalse();
        assertThat(handOffs.takenOver(attempt(2, 1))).isFalse();
    }

    @Test
    void theOldestEntriesAreForgottenBeyondTheBound() {
        for (int i = 0; i <= StepHandOffs.CAPACITY; i++) {
            handOffs.recorded(attempt(0, i + 1));
        }
        assertThat(handOffs.isRecorded(attempt(0, 1))).isFalse();
        assertThat(handOffs.isRecorded(attempt(0, StepHandOffs.CAPACITY + 1))).isTrue();
    }

    private StepInvocation attempt(int step, int number) {
        return new StepInvocation(SagaId.forExecution(execution), execution, new TenantId("t"),
                new SessionId(UUID.randomUUID()), "test.flaky", StepPhase.FORWARD, step, number);
    }
}
