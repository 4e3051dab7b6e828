package io.symphainy.runtime.api.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.symphainy.runtime.core.quota.EffectiveQuota;
import io.symphainy.runtime.core.quota.QuotaUsage;
import java.time.Instant;

/**
 * The quota that applies to the caller's tenant, where it comes from, and what the tenant uses of it now. A
 * {@code null} limit is no limit, so the limits are always present.
 *
 * @param source           {@code recorded} (set through {@code PUT /admin/quota}), {@code configured} (the tenant's
 *                         {@code runtime.quota.tenants.<tenant_id>} override) or {@code default}
 * @param inFlight         the tenant's executions in flight as this node counts them
 * @param uploadBytesToday bytes the tenant uploaded this UTC day
 */
public record QuotaResponse(
        String tenantId,
        @JsonInclude(JsonInclude.Include.ALWAYS) Integer maxInFlight,
        @JsonInclude(JsonInclude.Include.ALWAYS) Double intentsPerSecond,
        @JsonInclude(JsonInclude.Include.ALWAYS) Integer burst,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long uploadBytesPerDay,
        String source,
        Instant setAt,
        String setBy,
        long inFlight,
        long uploadBytesToday) {

    static QuotaResponse of(String tenantId, EffectiveQuota quota, QuotaUsage usage) {
        return new QuotaResponse(tenantId, quota.limits().maxInFlight(), quota.limits().intentsPerSecond(),
                quota.limits().burst(), quota.limits().uploadBytesPerDay(), quota.source().wireName(), quota.setAt(),
                quota.setBy(), usage.inFlight(), usage.uploadBytesToday());
    }
}
