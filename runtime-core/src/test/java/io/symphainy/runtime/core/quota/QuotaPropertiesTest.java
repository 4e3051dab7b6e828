package io.symphainy.runtime.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings bind as the configuration page documents them. */
class QuotaPropertiesTest {

    @Test
    void bindsDefaultsAndOverridesPerTenant() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "runtime.quota.default.max-in-flight", "100",
                "runtime.quota.default.intents-per-second", "20.5",
                "runtime.quota.tenants.acme.burst", "7",
                "runtime.quota.tenants.acme.intents-per-second", "3",
                "runtime.quota.tenants[big.corp].upload-bytes-per-day", "1000",
                "runtime.quota.reconcile-interval", "250ms")));

        QuotaDefaults defaults = binder.bind("runtime.quota.default", QuotaDefaults.class).get();
        QuotaProperties properties = binder.bind("runtime.quota", QuotaProperties.class).get();

        assertThat(defaults.limits()).isEqualTo(new QuotaLimits(100, 20.5, null, null));
        assertThat(QuotaRules.configured(defaults.limits(), properties.tenants().get("acme")))
                .isEqualTo(new QuotaLimits(100, 3.0, 7, null));
        assertThat(properties.tenants().get("big.corp").uploadBytesPerDay()).isEqualTo(1000L);
        assertThat(properties.reconcileInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.maxIntakeShare()).isEqualTo(0.25);
        assertThat(properties.maxWorkerShare()).isEqualTo(0.5);
    }

    @Test
    void nothingSetLimitsNothing() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("runtime.quota.reload-after", "2s")));

        QuotaProperties properties = binder.bind("runtime.quota", QuotaProperties.class).get();

        assertThat(properties.tenants()).isEmpty();
        assertThat(binder.bindOrCreate("runtime.quota.default", QuotaDefaults.class).limits())
                .isEqualTo(QuotaLimits.UNLIMITED);
    }
}
