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
import io.symphainy.runtime.core.quota.QuotaProperties;
import io.symphainy.runtime.core.worker.StepWorker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntakeAdmissionTest {

    private static final TenantId TENANT = new TenantId("tenant-busy");
    private static final TenantId QUIET = new TenantId("tenant-quiet");
    private static final IntakeProperties INTAKE = new IntakeProperties(2, Duration.ofMillis(50), 10,
            Duration.ofSeconds(1));

    private final StepWorker worker = mock(StepWorker.class);
    private final RuntimeMeters meters = mock(RuntimeMeters.class);
    private final IntakeAdmission admission = new IntakeAdmission(INTAKE, share(1.0), worker, meters);

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
        when(worker.backlogOf(TENANT)).thenReturn(11);
        when(worker.backloggedTenants()).thenReturn(1);

        assertThatThrownBy(() -> admission.enter(TENANT)).hasMessageContaining("10 step attempts waiting");

        when(worker.backlog()).thenReturn(10);
        admission.enter(TENANT).close();
        verify(meters, times(1)).intentShed(TENANT.value());
    }

    @Test
    void aTenantAloneHoldsEveryPlace() {
        IntakeAdmission halves = new IntakeAdmission(new IntakeProperties(4, Duration.ofMillis(20), 10,
                Duration.ofSeconds(1)), share(0.5), worker, meters);
        IntakeAdmission.Slot[] held = new IntakeAdmission.Slot[4];
        for (int i = 0; i < held.length; i++) {
            held[i] = halves.enter(TENANT);
        }

        assertThatThrownBy(() -> halves.enter(TENANT)).hasMessageContaining("recording 4 intents");
        for (IntakeAdmission.Slot slot : held) {
            slot.close();
        }
    }

    @Test
    void whileAnotherTenantUsesTheIntakeATenantHoldsAtMostItsShareSoTheOtherStillGetsIn() {
        IntakeAdmission halves = new IntakeAdmission(new IntakeProperties(4, Duration.ofMillis(20), 10,
                Duration.ofSeconds(1)), share(0.5), worker, meters);
        halves.enter(QUIET).close();
        IntakeAdmission.Slot first = halves.enter(TENANT);
        IntakeAdmission.Slot second = halves.enter(TENANT);

        assertThatThrownBy(() -> halves.enter(TENANT)).hasMessageContaining("tenant " + TENANT)
                .hasMessageContaining("recording 2 intents");
        IntakeAdmission.Slot quiet = halves.enter(QUIET);

        quiet.close();
        first.close();
        halves.enter(TENANT).close();
        second.close();
        verify(meters, never()).intentShed(QUIET.value());
    }

    @Test
    void aFullBacklogRefusesOnlyTenantsHoldingTheirShareOfIt() {
        when(worker.backlog()).thenReturn(30);
        when(worker.backloggedTenants()).thenReturn(2);
        when(worker.backlogOf(TENANT)).thenReturn(29);
        when(worker.backlogOf(QUIET)).thenReturn(1);

        assertThatThrownBy(() -> admission.enter(TENANT)).hasMessageContaining("step attempts waiting");
        admission.enter(QUIET).close();

        verify(meters, never()).intentShed(QUIET.value());
    }

    private static QuotaProperties share(double share) {
        return new QuotaProperties(Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                share, 0.5);
    }
}
