package io.symphainy.runtime.api.metrics;

import io.symphainy.runtime.api.metrics.MetricsHistoryResponse.Sample;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.security.TenantGuard;
import io.symphainy.runtime.api.web.QueryParameters;
import io.symphainy.runtime.core.observability.MetricsHistory;
import io.symphainy.runtime.core.observability.MetricsHistoryProperties;
import io.symphainy.runtime.core.observability.MetricsSample;
import io.symphainy.runtime.core.observability.MetricsSample.TenantFigures;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recent history of the runtime's figures for charts, for the operators and admins who may read
 * {@code GET /runtime/metrics}: their own tenant's series and the runtime-wide ones, never another tenant's.
 */
@RestController
public class MetricsHistoryController {

    private static final TenantFigures IDLE = new TenantFigures(List.of(), 0, 0);

    private final MetricsHistory history;

    MetricsHistoryController(MetricsHistory history) {
        this.history = history;
    }

    /** Samples taken after {@code since} (all kept ones without it), the newest {@code limit} of them. */
    @GetMapping("/runtime/metrics/history")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    public MetricsHistoryResponse history(RuntimePrincipal caller,
                                          @RequestParam(name = "tenant_id", required = false) String tenantId,
                                          @RequestParam(required = false) String since,
                                          @RequestParam(required = false) String limit) {
        TenantGuard.requireSameTenant(caller, tenantId);
        MetricsHistoryProperties settings = history.properties();
        Instant after = QueryParameters.instant("since", since);
        int max = settings.samples();
        List<Sample> samples = history.since(after, limit(limit, max)).stream()
                .map(sample -> forTenant(sample, caller.tenantId())).toList();
        return new MetricsHistoryResponse(caller.tenantId(), settings.interval().toMillis() / 1000.0,
                settings.retention().toSeconds(), max, samples);
    }

    private static Sample forTenant(MetricsSample sample, String tenant) {
        TenantFigures figures = sample.tenants().getOrDefault(tenant, IDLE);
        return new Sample(sample.at(), sample.seconds(), figures.capabilities(), figures.approvalsPending(),
                figures.walAppendsPerSecond(), sample.runtime());
    }

    private static int limit(String raw, int max) {
        String message = "must be an integer from 1 to " + max;
        if (raw == null || raw.isBlank()) {
            return max;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit < 1 || limit > max) {
                throw QueryParameters.invalid("limit", message);
            }
            return limit;
        } catch (NumberFormatException notInteger) {
            throw QueryParameters.invalid("limit", message);
        }
    }
}
