package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tenant quotas are kept: the configured overrides per tenant and the intervals that bound how far each node's
 * view of a tenant's use may trail the others'.
 *
 * @param tenants            limits per tenant id, each overriding the defaults it sets ({@link QuotaDefaults})
 * @param reconcileInterval  how often each node recounts the executions in flight of tenants with such a limit from
 *                           the State Surface; in between it counts its own intakes and terminal events
 * @param reloadAfter        how long a node trusts what it read of a tenant's recorded quota; one set on another
 *                           node applies here after this at most
 * @param inFlightRetryAfter the {@code Retry-After} of a refusal for too many executions in flight
 * @param maxIntakeShare     the share of {@code runtime.intake.max-concurrent} (at least one place) one tenant may
 *                           hold at once while another tenant is using the intake, so that a flood of one tenant
 *                           leaves the intake, and the cores, to the others; a tenant alone may hold every place
 * @param maxWorkerShare     the share of {@code runtime.saga.worker-threads} (at least one thread) one tenant's step
 *                           attempts may run on at once while another tenant has attempts to run, so that one
 *                           tenant's slow steps cannot hold every thread; a tenant alone may run on every thread
 */
@ConfigurationProperties("runtime.quota")
public record QuotaProperties(
        Map<String, QuotaLimits> tenants,
        @DefaultValue("1s") Duration reconcileInterval,
        @DefaultValue("1s") Duration reloadAfter,
        @DefaultValue("1s") Duration inFlightRetryAfter,
        @DefaultValue("0.25") double maxIntakeShare,
        @DefaultValue("0.5") double maxWorkerShare) {

    public QuotaProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }
}
