package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import io.symphainy.runtime.core.quota.messages.SetTenantQuotaCommand;
import io.symphainy.runtime.core.quota.messages.TenantQuotaId;
import io.symphainy.runtime.core.quota.messages.TenantQuotaSetEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's quota: its first setting creates it, each later one replaces it, and only its own tenant sets it. */
class TenantQuotaTest {

    private final TenantId tenant = new TenantId("tenant-a");
    private final TenantQuotaId quotaId = TenantQuotaId.forTenant(tenant);
    private final QuotaLimits limits = new QuotaLimits(10, 5.0, 20, 1_000L);
    private AggregateTestFixture<TenantQuota> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantQuota.class);
    }

    @Test
    void theFirstSettingCreatesTheQuota() {
        fixture.givenNoPriorActivity()
                .when(new SetTenantQuotaCommand(quotaId, tenant, limits))
                .expectEvents(new TenantQuotaSetEvent(quotaId, tenant, limits));
    }

    @Test
    void aLaterSettingReplacesTheLimits() {
        fixture.given(new TenantQuotaSetEvent(quotaId, tenant, limits))
                .when(new SetTenantQuotaCommand(quotaId, tenant, QuotaLimits.UNLIMITED))
                .expectEvents(new TenantQuotaSetEvent(quotaId, tenant, QuotaLimits.UNLIMITED));
    }

    @Test
    void refusesTheQuotaOfAnotherTenant() {
        fixture.givenNoPriorActivity()
                .when(new SetTenantQuotaCommand(quotaId, new TenantId("tenant-b"), limits))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void refusesInvalidLimits() {
        fixture.givenNoPriorActivity()
                .when(new SetTenantQuotaCommand(quotaId, tenant, new QuotaLimits(0, null, 3, null)))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
