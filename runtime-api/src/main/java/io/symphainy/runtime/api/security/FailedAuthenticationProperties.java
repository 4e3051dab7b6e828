package io.symphainy.runtime.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many refused credentials one source (client address) may present before its credentials are refused without
 * being checked, bound from {@code runtime.security.failed-authentication.*}.
 *
 * @param maxFailures    refused credentials one source may present within a window; 0 switches the limit off
 * @param window         the fixed window failures are counted in; a throttled source is free again when it ends
 * @param trackedSources sources remembered at once; beyond it the least recently seen is forgotten, so a flood of
 *                       spoofed addresses cannot grow the heap
 */
@ConfigurationProperties("runtime.security.failed-authentication")
public record FailedAuthenticationProperties(
        @DefaultValue("20") int maxFailures,
        @DefaultValue("1m") Duration window,
        @DefaultValue("10000") int trackedSources) {

    public FailedAuthenticationProperties {
        if (maxFailures < 0) {
            throw new IllegalStateException("runtime.security.failed-authentication.max-failures must be 0 or more");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalStateException("runtime.security.failed-authentication.window must be positive");
        }
        if (trackedSources < 1) {
            throw new IllegalStateException("runtime.security.failed-authentication.tracked-sources must be positive");
        }
    }

    /** Whether refused credentials are counted at all. */
    public boolean enabled() {
        return maxFailures > 0;
    }
}
