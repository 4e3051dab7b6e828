package io.symphainy.runtime.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookRetryRulesTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void backsOffExponentiallyFromTheInitialDelay() {
        assertThat(WebhookRetryRules.backoff(1, SECOND, 2.0, Duration.ofHours(1))).isEqualTo(SECOND);
        assertThat(WebhookRetryRules.backoff(2, SECOND, 2.0, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(2));
        assertThat(WebhookRetryRules.backoff(4, SECOND, 2.0, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(8));
        assertThat(WebhookRetryRules.backoff(3, Duration.ofMillis(100), 1.5, Duration.ofHours(1)))
                .isEqualTo(Duration.ofMillis(225));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(WebhookRetryRules.backoff(10, SECOND, 2.0, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookRetryRules.backoff(5000, SECOND, 2.0, Duration.ofSeconds(30)))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aMultiplierOfOneKeepsTheDelayConstant() {
        assertThat(WebhookRetryRules.backoff(7, SECOND, 1.0, Duration.ofHours(1))).isEqualTo(SECOND);
    }

    @Test
    void refusesToComputeADelayBeforeAnyFailure() {
        assertThatThrownBy(() -> WebhookRetryRules.backoff(0, SECOND, 2.0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schedulesTheNextAttemptUntilTheAttemptsRunOut() {
        WebhookProperties policy = policy(3);

        assertThat(WebhookRetryRules.nextAttempt(1, NOW, policy)).contains(NOW.plusSeconds(1));
        assertThat(WebhookRetryRules.nextAttempt(2, NOW, policy)).contains(NOW.plusSeconds(2));
        assertThat(WebhookRetryRules.nextAttempt(3, NOW, policy)).isEmpty();
    }

    @Test
    void aSingleAllowedAttemptIsNeverRetried() {
        assertThat(WebhookRetryRules.nextAttempt(1, NOW, policy(1))).isEmpty();
    }

    private static WebhookProperties policy(int maxAttempts) {
        return new WebhookProperties(true, SECOND, 10, maxAttempts, SECOND, 2.0, Duration.ofMinutes(1), SECOND,
                SECOND);
    }
}
