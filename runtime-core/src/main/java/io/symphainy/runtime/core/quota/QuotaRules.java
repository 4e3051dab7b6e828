package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of tenant quotas: which limits apply, what a bucket holds, which limits are valid.
 */
public final class QuotaRules {

    private QuotaRules() {
    }

    /** The configured limits of a tenant: each limit its override sets, else the default's. */
    static QuotaLimits configured(QuotaLimits defaults, QuotaLimits override) {
        if (override == null) {
            return defaults;
        }
        return new QuotaLimits(
                override.maxInFlight() != null ? override.maxInFlight() : defaults.maxInFlight(),
                override.intentsPerSecond() != null ? override.intentsPerSecond() : defaults.intentsPerSecond(),
                override.burst() != null ? override.burst() : defaults.burst(),
                override.uploadBytesPerDay() != null ? override.uploadBytesPerDay() : defaults.uploadBytesPerDay());
    }

    /** The intents a full bucket holds: the burst, else one second's worth of the rate, at least one. */
    static int bucketSize(QuotaLimits limits) {
        if (limits.burst() != null) {
            return limits.burst();
        }
        return (int) Math.max(1, Math.ceil(limits.intentsPerSecond()));
    }

    /**
     * What is wrong with limits to record, by the snake_case name of the limit: every limit set must be positive, and
     * a burst needs a rate.
     */
    public static List<QuotaViolation> violations(QuotaLimits limits) {
        List<QuotaViolation> wrong = new ArrayList<>();
        if (limits.maxInFlight() != null && limits.maxInFlight() < 1) {
            wrong.add(new QuotaViolation("max_in_flight", "must be at least 1"));
        }
        if (limits.intentsPerSecond() != null && !(limits.intentsPerSecond() > 0
                && Double.isFinite(limits.intentsPerSecond()))) {
            wrong.add(new QuotaViolation("intents_per_second", "must be a positive number"));
        }
        if (limits.burst() != null && limits.burst() < 1) {
            wrong.add(new QuotaViolation("burst", "must be at least 1"));
        }
        if (limits.burst() != null && limits.intentsPerSecond() == null) {
            wrong.add(new QuotaViolation("burst", "needs intents_per_second"));
        }
        if (limits.uploadBytesPerDay() != null && limits.uploadBytesPerDay() < 1) {
            wrong.add(new QuotaViolation("upload_bytes_per_day", "must be at least 1"));
        }
        return wrong;
    }
}
