package io.symphainy.runtime.core.infrastructure;

import io.symphainy.runtime.core.database.DatabaseFailure;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * db-scheduler's record of a deadline that fired, written until the database takes it: removed once the deadline was
 * handled, moved to its next try once handling failed.
 *
 * <p>db-scheduler writes that record once. When the database is away at that moment (a deadline handled just before
 * an outage, or failing because of it), the record stays picked and runs again only once the scheduler declares the
 * run dead ({@code db-scheduler.heartbeat-interval} × {@code missed-heartbeats-limit}); the retry it stood for held its
 * execution that long. A write the database refused for a passing reason is tried again after a short pause, doubling
 * up to {@link #LONGEST_PAUSE}, for at most {@link #PATIENCE}: past that, or on any other failure, the record is left
 * to that detection, and a node stopping in an outage is not held.
 */
final class DeadlineBookkeeping {

    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(DeadlineBookkeeping.class);

    private DeadlineBookkeeping() {
    }

    /**
     * Runs the write, again while the database refuses it for a passing reason, for at most {@link #PATIENCE}; the
     * action and the deadline name it in the log only when it is refused.
     */
    static void write(String action, Object deadline, Runnable write) {
        write(action, deadline, write, PATIENCE);
    }

    static void write(String action, Object deadline, Runnable write, Duration patience) {
        long giveUpAt = System.nanoTime() + patience.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                write.run();
                return;
            } catch (RuntimeException refused) {
                if (DatabaseFailure.of(refused).isEmpty() || System.nanoTime() + pause.toNanos() > giveUpAt) {
                    throw refused;
                }
                log.warn("{} {} was refused by the database ({}); tried again in {}", action, deadline, refused, pause);
                pauseFor(pause, refused);
                pause = Duration.ofMillis(Math.min(pause.toMillis() * 2, LONGEST_PAUSE.toMillis()));
            }
        }
    }

    private static void pauseFor(Duration pause, RuntimeException refused) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw refused;
        }
    }
}
