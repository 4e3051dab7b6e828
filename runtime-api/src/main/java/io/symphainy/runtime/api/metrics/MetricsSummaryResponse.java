package io.symphainy.runtime.api.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /runtime/metrics}: the runtime's figures for people without a Prometheus. Everything but
 * {@link #runtime()} is the caller's tenant's own work; {@code runtime} holds figures of the whole runtime (event
 * store size and appends, projection lag) that name no tenant, capability or step.
 *
 * @param recentIntervalSeconds the interval each {@code recent} count covers: the last completed one
 */
public record MetricsSummaryResponse(
        String tenantId,
        Instant generatedAt,
        long recentIntervalSeconds,
        Activity intentsAccepted,
        RejectedIntents intentsRejected,
        List<CapabilityFigures> capabilities,
        List<TimerFigures> executions,
        List<TimerFigures> steps,
        Activity stepAttempts,
        Activity retries,
        Activity compensations,
        long approvalsPending,
        Activity walAppends,
        Activity stateSurfaceReads,
        Activity stateSurfaceWrites,
        RuntimeWideFigures runtime) {

    /**
     * A count since this node started and the count of the last completed interval.
     */
    public record Activity(long count, long recent) {
    }

    /** Refused intents, with the count of each reason (the rejection code, lower case). */
    public record RejectedIntents(long count, long recent, Map<String, Long> byReason) {
    }

    /** What the tenant did with one capability since this node started. */
    public record CapabilityFigures(String capability, long intentsAccepted, long stepAttempts, long retries,
                                    long compensations) {
    }

    /**
     * Durations of executions (by capability and outcome) or of step attempts (by capability, step and outcome):
     * count and mean since this node started, max and percentiles over the recent window
     * ({@code runtime.metrics.percentile-window}); percentiles are {@code null} when nothing ran in the window.
     */
    public record TimerFigures(String capability, String step, String outcome, long count, double meanMs,
                               double maxMs, Double p50Ms, Double p95Ms, Double p99Ms) {
    }

    /**
     * Figures of the whole runtime, read at {@code readAt}.
     *
     * @param walSize       global index of the newest event in the event store
     * @param walSizeBytes  disk space of the event store's table and indexes
     * @param walAppends    events appended by every tenant
     * @param projectionLag events each streaming processor is behind the store's head, by processor
     */
    public record RuntimeWideFigures(Instant readAt, long walSize, Long walSizeBytes, Activity walAppends,
                                 Map<String, Long> projectionLag) {
    }
}
