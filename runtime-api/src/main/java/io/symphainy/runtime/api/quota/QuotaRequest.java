package io.symphainy.runtime.api.quota;

import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code PUT /admin/quota}: the tenant's limits from now on; a limit left out (or {@code null}) is no limit.
 *
 * @param maxInFlight       executions accepted and not yet finished at once
 * @param intentsPerSecond  intents per second, on average, on each node
 * @param burst             intents at once above the rate; needs {@code intents_per_second}
 * @param uploadBytesPerDay bytes uploaded per UTC day
 * @param tenantId          accepted for symmetry with other bodies; must be the administrator's tenant when present
 */
public record QuotaRequest(
        @Positive Integer maxInFlight,
        @Positive Double intentsPerSecond,
        @Positive Integer burst,
        @Positive Long uploadBytesPerDay,
        String tenantId) {

    QuotaLimits limits() {
        return new QuotaLimits(maxInFlight, intentsPerSecond, burst, uploadBytesPerDay);
    }
}
