package io.symphainy.runtime.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InFlightCountsTest {

    private static final TenantId TENANT = new TenantId("tenant-a");
    private static final TenantId OTHER = new TenantId("tenant-b");

    private final Map<TenantId, Long> stateSurface = new HashMap<>();
    private final InFlightCounts counts = new InFlightCounts(
            tenant -> stateSurface.getOrDefault(tenant, 0L));

    @Test
    void startsFromTheStateSurfaceAndTakesPlacesUpToTheLimit() {
        stateSurface.put(TENANT, 1L);

        assertThat(counts.reserve(TENANT, 3)).isTrue();
        assertThat(counts.reserve(TENANT, 3)).isTrue();
        assertThat(counts.reserve(TENANT, 3)).as("a third with one counted in the State Surface").isFalse();
        assertThat(counts.reserve(OTHER, 3)).as("another tenant's count is its own").isTrue();
    }

    @Test
    void aPlaceGivenBackOrAnEndedExecutionFreesAPlace() {
        assertThat(counts.reserve(TENANT, 1)).isTrue();
        counts.release(TENANT);
        assertThat(counts.reserve(TENANT, 1)).isTrue();
        assertThat(counts.reserve(TENANT, 1)).isFalse();

        counts.ended(TENANT);

        assertThat(counts.reserve(TENANT, 1)).isTrue();
    }

    @Test
    void reconcilingTakesTheStateSurfacesCountAndKeepsNothingCountedBefore() {
        counts.reserve(TENANT, 10);
        counts.reserve(TENANT, 10);
        counts.recorded(TENANT);
        counts.recorded(TENANT);
        stateSurface.put(TENANT, 7L);

        counts.reconcile(TENANT);

        assertThat(counts.current(TENANT)).hasValue(7);
        counts.ended(TENANT);
        assertThat(counts.current(TENANT)).hasValue(6);
    }

    @Test
    void neverCountsBelowZeroAndForgetsATenantNoLongerLimited() {
        counts.reserve(TENANT, 5);
        counts.ended(TENANT);
        counts.ended(TENANT);
        assertThat(counts.current(TENANT)).hasValue(0);

        counts.forget(TENANT);

        assertThat(counts.current(TENANT)).isEmpty();
        assertThat(counts.tenants()).doesNotContain(TENANT);
    }

    @Test
    void aReconciliationReadingBeforeAnIntentIsRecordedKeepsItsPlace() {
        assertThat(counts.reserve(TENANT, 1)).isTrue();

        counts.reconcile(TENANT);

        assertThat(counts.current(TENANT)).as("the intent is being recorded; the read cannot see it").hasValue(1);
        assertThat(counts.reserve(TENANT, 1)).isFalse();
        counts.recorded(TENANT);
        stateSurface.put(TENANT, 1L);
        counts.reconcile(TENANT);
        assertThat(counts.current(TENANT)).hasValue(1);
        assertThat(counts.reserve(TENANT, 1)).isFalse();
    }
}
