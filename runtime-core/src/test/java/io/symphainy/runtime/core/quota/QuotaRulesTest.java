package io.symphainy.runtime.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import org.junit.jupiter.api.Test;

class QuotaRulesTest {

    @Test
    void aTenantsOverrideReplacesOnlyTheLimitsItSets() {
        QuotaLimits defaults = new QuotaLimits(100, 50.0, 80, 1_000L);
        QuotaLimits override = new QuotaLimits(5, null, null, 10L);

        assertThat(QuotaRules.configured(defaults, override)).isEqualTo(new QuotaLimits(5, 50.0, 80, 10L));
        assertThat(QuotaRules.configured(defaults, null)).isEqualTo(defaults);
    }

    @Test
    void theBucketHoldsTheBurstElseOneSecondsWorthOfTheRateAtLeastOne() {
        assertThat(QuotaRules.bucketSize(new QuotaLimits(null, 10.0, 3, null))).isEqualTo(3);
        assertThat(QuotaRules.bucketSize(new QuotaLimits(null, 2.5, null, null))).isEqualTo(3);
        assertThat(QuotaRules.bucketSize(new QuotaLimits(null, 0.1, null, null))).isEqualTo(1);
    }

    @Test
    void limitsMustBePositiveAndABurstNeedsARate() {
        assertThat(QuotaRules.violations(QuotaLimits.UNLIMITED)).isEmpty();
        assertThat(QuotaRules.violations(new QuotaLimits(1, 0.5, 1, 1L))).isEmpty();

        assertThat(QuotaRules.violations(new QuotaLimits(0, -1.0, 0, 0L))).extracting(QuotaViolation::limit)
                .containsExactly("max_in_flight", "intents_per_second", "burst", "upload_bytes_per_day");
        assertThat(QuotaRules.violations(new QuotaLimits(null, Double.NaN, null, null)))
                .extracting(QuotaViolation::limit).containsExactly("intents_per_second");
        assertThat(QuotaRules.violations(new QuotaLimits(null, null, 5, null)))
                .containsExactly(new QuotaViolation("burst", "needs intents_per_second"));
    }
}
