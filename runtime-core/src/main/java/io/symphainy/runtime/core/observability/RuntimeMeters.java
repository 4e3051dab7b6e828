package io.symphainy.runtime.core.observability;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The runtime's meters: their names and tags, and the one place that records them. Every figure about a tenant's
 * work carries the {@value #TENANT} tag, so that readers can be shown their own tenant's figures only.
 */
@Component
public class RuntimeMeters {

    /** Intents the runtime accepted, by tenant and capability. */
    public static final String INTENTS_ACCEPTED = "runtime.intents.accepted";
    /** Well-formed intents the runtime refused, by tenant and reason (the rejection code). */
    public static final String INTENTS_REJECTED = "runtime.intents.rejected";
    /** Counter: intents turned away because the runtime was busy, before anything was recorded. */
    public static final String INTENTS_SHED = "runtime.intents.shed";
    /** From acceptance to the terminal event, by tenant, capability and outcome. */
    public static final String EXECUTION_DURATION = "runtime.execution.duration";
    /** Each finished forward attempt of a step, by tenant, capability, step and outcome. */
    public static final String STEP_DURATION = "runtime.step.duration";
    /** Step attempts started, forward ones, by tenant, capability and step. */
    public static final String STEP_ATTEMPTS = "runtime.step.attempts";
    /** Retries scheduled after a failed attempt, by tenant, capability, step and phase. */
    public static final String RETRIES = "runtime.retries";
    /** Executions whose completed steps began to be compensated, by tenant and capability. */
    public static final String COMPENSATIONS = "runtime.compensations";
    /** Executions held for approval right now, by tenant. */
    public static final String APPROVALS_PENDING = "runtime.approvals.pending";
    /** Events appended to the event store, by tenant. */
    public static final String WAL_APPENDS = "runtime.wal.appends";
    /** The event store's head position: the global index of its newest event. */
    public static final String WAL_SIZE = "runtime.wal.size";
    /** Disk space of the event store's table, indexes included. */
    public static final String WAL_SIZE_BYTES = "runtime.wal.size.bytes";
    /** How many events a streaming processor is behind the event store's head, by processor. */
    public static final String PROJECTION_LAG = "runtime.projection.lag";
    /** State Surface queries answered, by tenant and query. */
    public static final String STATE_SURFACE_READS = "runtime.state_surface.reads";
    /** Events applied to the State Surface projections, by tenant and projection. */
    public static final String STATE_SURFACE_WRITES = "runtime.state_surface.writes";

    /** Gauge: step attempts waiting for a node that has their execution's capability version. */
    public static final String CAPABILITY_VERSION_MISSING = "runtime.capability.version.missing";
    /** Gauge: executions waiting, not started, for a node that has their capability version. */
    public static final String CAPABILITY_VERSION_MISSING_STARTS = "runtime.capability.version.missing.starts";

    /** Calls of an agent's reasoning model (never made by a replay), by tenant, capability, model and outcome. */
    public static final String AGENT_MODEL_CALLS = "runtime.agent.model.calls";

    public static final String TENANT = "tenant";
    public static final String CAPABILITY = "capability";
    public static final String STEP = "step";
    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";
    public static final String PHASE = "phase";
    public static final String PROCESSOR = "processor";
    public static final String QUERY = "query";
    public static final String PROJECTION = "projection";

    /** The capability tag of an execution accepted before the meters started following the event store. */
    public static final String UNKNOWN = "unknown";

    private final MeterRegistry cumulative;
    private final MeterRegistry recent;
    private final MeterRegistry registry;
    private final Duration percentileWindow;
    private final StepLatencies latencies;
    private final Map<List<String>, Meter> meters = new ConcurrentHashMap<>();

    /**
     * Figures are recorded twice: in the application's registry (cumulative, scraped by Prometheus; without an
     * actuator, in the core's own tests, a private in-memory one) and in a step registry that keeps the counts of
     * the last completed interval, from which readers without Prometheus get recent rates.
     */
    RuntimeMeters(ObjectProvider<MeterRegistry> registry, MetricsProperties properties, StepLatencies latencies) {
        this.cumulative = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.recent = new SimpleMeterRegistry(new RecentIntervalConfig(properties.recentInterval()), Clock.SYSTEM);
        this.registry = new CompositeMeterRegistry(Clock.SYSTEM, List.of(cumulative, recent));
        this.percentileWindow = properties.percentileWindow();
        this.latencies = latencies;
    }

    /** The application's registry: counts since the node started, timers with percentiles. */
    public MeterRegistry registry() {
        return cumulative;
    }

    /** The same meters counting only the last completed interval ({@code runtime.metrics.recent-interval}). */
    public MeterRegistry recent() {
        return recent;
    }

    /** A call of an agent's reasoning model ended with the given outcome ({@code answered} or a failure code). */
    public void agentModelCalled(String tenant, String capability, String model, String outcome) {
        counter(AGENT_MODEL_CALLS, "calls of agents' reasoning models", TENANT, tenant, CAPABILITY, capability,
                "model", model, OUTCOME, lowerCase(outcome)).increment();
    }

    void intentAccepted(String tenant, String capability) {
        counter(INTENTS_ACCEPTED, "intents the runtime accepted", TENANT, tenant, CAPABILITY, capability).increment();
    }

    void intentRejected(String tenant, String reason) {
        counter(INTENTS_REJECTED, "well-formed intents the runtime refused", TENANT, tenant, REASON,
                lowerCase(reason)).increment();
    }

    /** An intent the intake turned away because the runtime was busy; nothing of it was recorded. */
    public void intentShed(String tenant) {
        counter(INTENTS_SHED, "intents turned away because the runtime was busy", TENANT, tenant).increment();
    }

    void executionFinished(String tenant, String capability, String outcome, Duration duration) {
        timer(EXECUTION_DURATION, "from acceptance to the end of an execution", TENANT, tenant, CAPABILITY,
                capability, OUTCOME, outcome).record(duration);
    }

    void stepAttemptStarted(String tenant, String capability, String step) {
        counter(STEP_ATTEMPTS, "step attempts started", TENANT, tenant, CAPABILITY, capability, STEP, step)
                .increment();
    }

    void stepAttemptFinished(String tenant, String capability, String step, String outcome, long durationMillis) {
        timer(STEP_DURATION, "duration of a step attempt", TENANT, tenant, CAPABILITY, capability, STEP, step,
                OUTCOME, outcome).record(Duration.ofMillis(durationMillis));
        latencies.record(tenant, capability, durationMillis);
    }

    void retryScheduled(String tenant, String capability, String step, String phase) {
        counter(RETRIES, "retries scheduled after a failed attempt", TENANT, tenant, CAPABILITY, capability, STEP,
                step, PHASE, lowerCase(phase)).increment();
    }

    void compensationStarted(String tenant, String capability) {
        counter(COMPENSATIONS, "executions whose completed steps are being compensated", TENANT, tenant, CAPABILITY,
                capability).increment();
    }

    void walAppended(String tenant) {
        counter(WAL_APPENDS, "events appended to the event store", TENANT, tenant).increment();
    }

    void stateSurfaceRead(String tenant, String query) {
        counter(STATE_SURFACE_READS, "State Surface queries answered", TENANT, tenant, QUERY, query).increment();
    }

    void stateSurfaceWritten(String tenant, String projection) {
        counter(STATE_SURFACE_WRITES, "events applied to the State Surface", TENANT, tenant, PROJECTION, projection)
                .increment();
    }

    /** Registered once per name and tags, then taken from {@link #meters}: a registry lookup per event is dear. */
    private Counter counter(String name, String description, String... tags) {
        return (Counter) meters.computeIfAbsent(key(name, tags),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }

    private Timer timer(String name, String description, String... tags) {
        return (Timer) meters.computeIfAbsent(key(name, tags), key -> newTimer(name, description, tags));
    }

    private static List<String> key(String name, String... tags) {
        List<String> key = new ArrayList<>(tags.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(tags));
        return key;
    }

    private Timer newTimer(String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags)
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .distributionStatisticExpiry(percentileWindow)
                .register(registry);
    }

    private static String lowerCase(String value) {
        return value == null ? UNKNOWN : value.toLowerCase(Locale.ROOT);
    }
}
