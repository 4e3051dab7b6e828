package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits of every tenant that has no override of its own ({@code runtime.quota.tenants.<tenant_id>.*}) and no
 * recorded quota; an unset limit is no limit, so by default nothing is limited.
 *
 * @param maxInFlight       executions of one tenant in flight at once
 * @param intentsPerSecond  intents of one tenant taken per second, on average, on each node
 * @param burst             intents of one tenant taken at once above the average rate
 * @param uploadBytesPerDay bytes one tenant uploads per UTC day
 */
@ConfigurationProperties("runtime.quota.default")
public record QuotaDefaults(Integer maxInFlight, Double intentsPerSecond, Integer burst, Long uploadBytesPerDay) {

    /** The defaults as limits. */
    public QuotaLimits limits() {
        return new QuotaLimits(maxInFlight, intentsPerSecond, burst, uploadBytesPerDay);
    }
}
