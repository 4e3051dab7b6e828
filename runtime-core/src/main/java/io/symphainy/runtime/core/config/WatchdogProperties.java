package io.symphainy.runtime.core.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a unit of work of the command bus, query bus, deadline manager or an event processor may run.
 *
 * @param warningAfter  a unit of work running this long is logged once, with its thread's stack
 * @param timeLimit     a unit of work running this long has its thread interrupted and fails
 * @param sweepInterval how often running units of work are checked
 */
@ConfigurationProperties("runtime.watchdog")
public record WatchdogProperties(
        @DefaultValue("10s") Duration warningAfter,
        @DefaultValue("60s") Duration timeLimit,
        @DefaultValue("1s") Duration sweepInterval) {
}
