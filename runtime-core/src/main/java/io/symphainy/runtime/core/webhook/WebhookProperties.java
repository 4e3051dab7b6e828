package io.symphainy.runtime.core.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of webhook delivery, bound from {@code runtime.webhooks.*}.
 *
 * @param senderEnabled  whether this node sends deliveries; nodes share the work safely, so usually all do
 * @param pollInterval   how often the sender looks for due deliveries
 * @param batchSize      deliveries claimed and sent in parallel by one poll
 * @param maxAttempts    attempts before a delivery fails for good
 * @param initialDelay   delay before the second attempt
 * @param multiplier     factor applied to the delay after every further failure
 * @param maxDelay       the longest delay between attempts
 * @param connectTimeout how long to wait for a connection to the endpoint
 * @param requestTimeout how long to wait for the endpoint's response
 */
@ConfigurationProperties("runtime.webhooks")
public record WebhookProperties(
        @DefaultValue("true") boolean senderEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration initialDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("1h") Duration maxDelay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout) {

    public WebhookProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("runtime.webhooks.max-attempts must be at least 1");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("runtime.webhooks.multiplier must be at least 1.0");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("runtime.webhooks.batch-size must be at least 1");
        }
    }
}
