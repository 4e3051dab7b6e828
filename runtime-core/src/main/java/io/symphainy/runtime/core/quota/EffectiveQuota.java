package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import java.time.Instant;
import java.util.Locale;

/**
 * The limits that apply to a tenant now, and where they come from.
 *
 * @param limits the limits; a {@code null} limit is no limit
 * @param source where they come from
 * @param setAt  when they were recorded, for a recorded quota
 * @param setBy  who recorded them, for a recorded quota
 */
public record EffectiveQuota(QuotaLimits limits, Source source, Instant setAt, String setBy) {

    /** Where a tenant's limits come from: the last recorded quota, else its configured override, else the default. */
    public enum Source {
        RECORDED, CONFIGURED, DEFAULT;

        /** The lowercase name used on the wire. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
