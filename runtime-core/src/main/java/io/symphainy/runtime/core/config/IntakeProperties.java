package io.symphainy.runtime.core.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many intents the intake takes on at once before it tells clients the runtime is busy.
 *
 * @param maxConcurrent intents recorded at the same time on this node; {@code 0} (the default) is twice the processors
 *                      available to it, so that the intake does not crowd the cores it shares with the steps and
 *                      with PostgreSQL, and intents beyond that wait for a place in the intake's tenant-by-tenant
 *                      line rather than in the database pool's, which knows no tenants
 * @param admissionWait how long a further intent waits for its turn before it is refused
 * @param maxBacklog    step attempts waiting for a worker thread on this node beyond which no intent is taken: every
 *                      accepted intent queues its first attempt, so this bounds how long new work waits to start
 * @param retryAfter    how long a refused client is asked to wait before it tries again
 */
@ConfigurationProperties("runtime.intake")
public record IntakeProperties(
        @DefaultValue("0") int maxConcurrent,
        @DefaultValue("500ms") Duration admissionWait,
        @DefaultValue("2000") int maxBacklog,
        @DefaultValue("1s") Duration retryAfter) {

    public IntakeProperties {
        if (maxConcurrent <= 0) {
            maxConcurrent = 2 * Runtime.getRuntime().availableProcessors();
        }
    }
}
