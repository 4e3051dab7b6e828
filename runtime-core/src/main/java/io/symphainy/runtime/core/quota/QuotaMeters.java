package io.symphainy.runtime.core.quota;

import io.micrometer.core.instrument.Counter;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts the requests refused for a tenant's quota ({@value #QUOTA_EXCEEDED}, by tenant and limit) in the
 * application's registry, next to the runtime's other meters.
 */
@Component
class QuotaMeters {

    /** Counter: requests refused because their tenant reached a limit of its quota, by tenant and limit. */
    static final String QUOTA_EXCEEDED = "runtime.quota.exceeded";
    static final String LIMIT = "limit";

    private final RuntimeMeters meters;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    QuotaMeters(RuntimeMeters meters) {
        this.meters = meters;
    }

    void exceeded(String tenant, QuotaLimit limit) {
        counters.computeIfAbsent(List.of(tenant, limit.wireName()), key -> Counter.builder(QUOTA_EXCEEDED)
                .description("requests refused because their tenant reached a limit of its quota")
                .tags(RuntimeMeters.TENANT, tenant, LIMIT, limit.wireName())
                .register(meters.registry())).increment();
    }
}
