package io.symphainy.runtime.api.metrics;

import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.security.TenantGuard;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The runtime's figures as JSON, for operators and admins without a Prometheus: their own tenant's work, and the
 * runtime-wide figures that name no tenant.
 */
@RestController
public class MetricsController {

    private final MetricsSummary summary;

    MetricsController(MetricsSummary summary) {
        this.summary = summary;
    }

    @GetMapping("/runtime/metrics")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    public MetricsSummaryResponse metrics(RuntimePrincipal caller,
                                          @RequestParam(name = "tenant_id", required = false) String tenantId) {
        TenantGuard.requireSameTenant(caller, tenantId);
        return summary.of(caller.tenantId());
    }
}
