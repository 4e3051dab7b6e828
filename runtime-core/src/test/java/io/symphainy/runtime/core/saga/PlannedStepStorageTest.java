package io.symphainy.runtime.core.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.common.StorageMapper;
import io.symphainy.runtime.core.saga.messages.PlannedSignal;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import org.junit.jupiter.api.Test;

/**
 * Plans are stored in {@code SagaStartedEvent}s: one recorded before wait steps existed reads as steps that run, and a
 * wait step's signal is stored with it.
 */
class PlannedStepStorageTest {

    private final ObjectMapper storage = StorageMapper.create();

    @Test
    void aStepRecordedBeforeWaitsExistedReadsAsAStepThatRuns() throws Exception {
        PlannedStep step = storage.readValue("""
                {"index": 1, "name": "charge", "sideEffect": "COMPENSATABLE", "compensable": true,
                 "timeoutMillis": 10000}""", PlannedStep.class);

        assertThat(step).isEqualTo(new PlannedStep(1, "charge", SideEffectClass.COMPENSATABLE, true, 10_000));
        assertThat(step.waitsForSignal()).isFalse();
    }

    @Test
    void aWaitStepIsStoredWithItsSignal() throws Exception {
        PlannedStep step = new PlannedStep(1, "approval", SideEffectClass.PURE, false, 60_000,
                new PlannedSignal("approved", true));

        PlannedStep read = storage.readValue(storage.writeValueAsBytes(step), PlannedStep.class);

        assertThat(read).isEqualTo(step);
        assertThat(storage.readTree(storage.writeValueAsBytes(step)).has("waitsForSignal")).isFalse();
    }
}
