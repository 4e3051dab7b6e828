package io.symphainy.runtime.core.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the runtime bounds its waits on PostgreSQL and how it notices the database coming back after an outage.
 *
 * @param statementTimeout    a statement running this long is cancelled by PostgreSQL (its {@code statement_timeout},
 *                            lock waits included) and fails with a clear error instead of holding its caller; zero
 *                            turns the limit off
 * @param outageCheckInterval how often the database is probed while it is, or has just been, unreachable; event
 *                            processors that failed during the outage are restarted once it answers again
 * @param retryAfter          what a request that failed on the database tells its client to wait
 *                            ({@code Retry-After}) before trying again
 */
@ConfigurationProperties("runtime.database")
public record DatabaseProperties(
        @DefaultValue("60s") Duration statementTimeout,
        @DefaultValue("1s") Duration outageCheckInterval,
        @DefaultValue("2s") Duration retryAfter) {
}
