package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import java.time.Duration;
import java.util.Objects;

/**
 * A request refused because its tenant reached a limit of its quota; nothing of it was recorded.
 */
public class TenantQuotaExceededException extends RuleViolationException {

    private final QuotaLimit limit;
    private final Duration retryAfter;

    public TenantQuotaExceededException(QuotaLimit limit, Duration retryAfter, String detail) {
        super(RuleViolationCode.TENANT_QUOTA_EXCEEDED, detail);
        this.limit = Objects.requireNonNull(limit, "limit");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The limit that was reached. */
    public QuotaLimit limit() {
        return limit;
    }

    /** When the request may succeed at the earliest. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
