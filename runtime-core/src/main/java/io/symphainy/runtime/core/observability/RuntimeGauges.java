package io.symphainy.runtime.core.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database and the processors — WAL size, projection lag, pending approvals — refreshed on a
 * timer of their own, so that a scrape never queries the database.
 */
@Component
public class RuntimeGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuntimeGauges.class);
    private static final String EVENT_TABLE = "domain_event_entry";

    private final JdbcTemplate jdbc;
    private final ProcessorStatuses processors;
    private final MetricsProperties properties;
    private final MultiGauge lag;
    private final MultiGauge approvals;
    private final Set<String> tenantsSeen = ConcurrentHashMap.newKeySet();
    private volatile RuntimeFigures figures = new RuntimeFigures(Instant.EPOCH, 0, null, Map.of(), Map.of());
    private ScheduledExecutorService timer;

    RuntimeGauges(JdbcTemplate jdbc, ProcessorStatuses processors, RuntimeMeters meters,
                  MetricsProperties properties) {
        this.jdbc = jdbc;
        this.processors = processors;
        this.properties = properties;
        Gauge.builder(RuntimeMeters.WAL_SIZE, this, gauges -> gauges.figures.walSize())
                .description("global index of the newest event in the event store").baseUnit("events")
                .register(meters.registry());
        Gauge.builder(RuntimeMeters.WAL_SIZE_BYTES, this, RuntimeGauges::walBytes)
                .description("disk space of the event store's table and indexes").baseUnit("bytes")
                .register(meters.registry());
        this.lag = MultiGauge.builder(RuntimeMeters.PROJECTION_LAG)
                .description("events a streaming processor is behind the event store's head").baseUnit("events")
                .register(meters.registry());
        this.approvals = MultiGauge.builder(RuntimeMeters.APPROVALS_PENDING)
                .description("executions held for approval").register(meters.registry());
    }

    /** The figures of the last refresh. */
    public RuntimeFigures figures() {
        return figures;
    }

    /** Reads every figure again now, updates the gauges and returns the figures. */
    public synchronized RuntimeFigures refresh() {
        Map<String, Long> lags = new TreeMap<>();
        processors.current().stream().filter(status -> status.lag() != null)
                .forEach(status -> lags.put(status.name(), status.lag()));
        Long head = processors.headPosition();
        Map<String, Long> pending = pendingApprovals();
        RuntimeFigures fresh = new RuntimeFigures(Instant.now(), head == null ? 0 : head, tableBytes(), lags,
                pending);
        lag.register(lags.entrySet().stream().map(entry -> MultiGauge.Row.of(
                Tags.of(RuntimeMeters.PROCESSOR, entry.getKey()), entry.getValue())).toList(), true);
        approvals.register(pending.entrySet().stream().map(entry -> MultiGauge.Row.of(
                Tags.of(RuntimeMeters.TENANT, entry.getKey()), entry.getValue())).toList(), true);
        figures = fresh;
        return fresh;
    }

    /** Tenants whose approvals were all decided still show 0 rather than vanish. */
    private Map<String, Long> pendingApprovals() {
        Map<String, Long> pending = new TreeMap<>();
        jdbc.query("select tenant_id, count(*) from execution_state where status = 'awaiting_approval'"
                + " group by tenant_id", (RowCallbackHandler) row -> pending.put(row.getString(1), row.getLong(2)));
        tenantsSeen.addAll(pending.keySet());
        tenantsSeen.forEach(tenant -> pending.putIfAbsent(tenant, 0L));
        return pending;
    }

    private Long tableBytes() {
        try {
            return jdbc.queryForObject("select pg_total_relation_size(to_regclass(?))", Long.class, EVENT_TABLE);
        } catch (DataAccessException unknown) {
            return null;
        }
    }

    private static double walBytes(RuntimeGauges gauges) {
        Long bytes = gauges.figures.walSizeBytes();
        return bytes == null ? Double.NaN : bytes;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException failure) {
            log.warn("Runtime gauges could not be refreshed: {}", failure.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("runtime-gauges-"));
        long period = Math.max(1, properties.gaugeRefresh().toMillis());
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Starts after the event processors, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
