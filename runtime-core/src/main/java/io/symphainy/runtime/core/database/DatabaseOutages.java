package io.symphainy.runtime.core.database;

import io.symphainy.runtime.core.common.PeriodicTask;
import io.symphainy.runtime.core.config.DatabaseProperties;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Watches the database and, once it answers again after an outage, restarts the event processors that failed
 * meanwhile. A tracking processor in error waits before each retry twice as long as before, up to a minute, so after
 * a longer outage it would stay behind (and the runtime unhealthy) long after the database came back; a restart
 * retries at once. Only processors in error during the recovery window are restarted, so a processor that fails on
 * an event of its own keeps its back-off.
 */
@Component
class DatabaseOutages extends PeriodicTask {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutages.class);
    /** How long after the database's return processors still in error are taken for victims of the outage. */
    private static final Duration RECOVERY_WINDOW = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final DatabaseProperties properties;
    private long unreachableSince;
    private long recoveredAt = Long.MIN_VALUE;

    DatabaseOutages(JdbcTemplate jdbc, EventProcessingConfiguration processing, DatabaseProperties properties) {
        super("database-watch", properties.outageCheckInterval());
        this.jdbc = jdbc;
        this.processing = processing;
        this.properties = properties;
    }

    /** One probe: notes an outage's start and end, and restarts failed processors after one. */
    void check() {
        long now = System.nanoTime();
        if (!answers()) {
            if (unreachableSince == 0) {
                unreachableSince = now;
                LOG.warn("The database does not answer; watching for its return every {}",
                        properties.outageCheckInterval());
            }
            return;
        }
        if (unreachableSince != 0) {
            LOG.info("The database answers again after {} ms", Duration.ofNanos(now - unreachableSince).toMillis());
            unreachableSince = 0;
            recoveredAt = now;
        }
        if (recoveredAt != Long.MIN_VALUE && now - recoveredAt < RECOVERY_WINDOW.toNanos()) {
            restartFailedProcessors();
        }
    }

    private void restartFailedProcessors() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && failed(streaming)) {
                LOG.info("Restarting event processor {}, which failed while the database was unreachable", name);
                streaming.shutDown();
                streaming.start();
            }
        });
    }

    private static boolean failed(StreamingEventProcessor processor) {
        return processor.isRunning() && (processor.isError()
                || processor.processingStatus().values().stream().anyMatch(status -> status.isErrorState()));
    }

    private boolean answers() {
        try {
            return Integer.valueOf(1).equals(jdbc.queryForObject("select 1", Integer.class));
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    @Override
    protected void runOnce() {
        check();
    }
}
