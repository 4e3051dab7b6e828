package io.symphainy.runtime.api.metrics;

import io.symphainy.runtime.core.observability.MetricsSample.CapabilityFigures;
import io.symphainy.runtime.core.observability.MetricsSample.RuntimeWideFigures;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /runtime/metrics/history}: this node's recent samples of the caller's tenant's figures and of the
 * runtime-wide ones, oldest first, for charts.
 *
 * @param intervalSeconds  how often a sample is taken ({@code runtime.metrics.history.interval})
 * @param retentionSeconds how far back samples are kept ({@code runtime.metrics.history.retention})
 * @param maxSamples       the most samples an answer holds: the retention's
 */
public record MetricsHistoryResponse(String tenantId, double intervalSeconds, long retentionSeconds, int maxSamples,
                                     List<Sample> samples) {

    /**
     * One interval ending at {@code at}, {@code seconds} long: the tenant's rates and step durations by capability
     * (capabilities idle in the interval are left out), its pending approvals and event-store appends, and the figures
     * of the whole runtime.
     */
    public record Sample(Instant at, double seconds, List<CapabilityFigures> capabilities, long approvalsPending,
                         double walAppendsPerSecond, RuntimeWideFigures runtime) {
    }
}
