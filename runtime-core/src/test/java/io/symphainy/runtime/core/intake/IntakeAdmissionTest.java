package io.symphainy.runtime.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.config.IntakeProperties;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import io.symphainy.runtime.core.worker.StepWorker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntakeAdmissionTest {

    private static final TenantId TENANT = new TenantId("tenant-busy");

    private final StepWorker worker = mock(StepWorker.class);
    private final RuntimeMeters meters = mock(RuntimeMeters.class);
    private final IntakeAdmission admission = new IntakeAdmission(
            new IntakeProperties(2, Duration.ofMillis(50), 10, Duration.ofSeconds(1)), worker, meters);

    @Test
    void takesAsManyIntentsAtOnceAsItHasPlacesAndCountsTheOneItTurnsAway() {
        IntakeAdmission.Slot first = admission.enter(TENANT);
        IntakeAdmission.Slot second = admission.enter(TENANT);
        long started = System.nanoTime();

        assertThatThrownBy(() -> admission.enter(TENANT)).isInstanceOf(RuleViolationException.class)
                .extracting(refused -> ((RuleViolationException) refused).code())
                .isEqualTo(RuleViolationCode.RUNTIME_BUSY);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        verify(meters).intentShed(TENANT.value());
        first.close();
        second.close();
    }

    @Test
    void aPlaceGivenBackTakesTheNextIntent() {
        admission.enter(TENANT).close();
        admission.enter(TENANT).close();
        admission.enter(TENANT).close();

        verify(meters, never()).intentShed(TENANT.value());
    }

    @Test
    void takesNoIntentWhileTheWorkerHasMoreAttemptsWaitingThanAllowed() {
        when(worker.backlog()).thenReturn(11);

        assertThatThrownBy(() -> admission.enter(TENANT)).hasMessageContaining("10 step attempts waiting");

        when(worker.backlog()).thenReturn(10);
        admission.enter(TENANT).close();
        verify(meters, times(1)).intentShed(TENANT.value());
    }
}
