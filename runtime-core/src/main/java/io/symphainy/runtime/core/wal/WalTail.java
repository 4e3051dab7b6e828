package io.symphainy.runtime.core.wal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells followers of the WAL view when entries of their scope were appended, so that live readers query
 * {@link WalPages#entriesAfter} only when there is something new instead of each polling the table.
 *
 * <p>One thread per node does the looking: woken right after the WAL projection commits on this node
 * ({@link WalAppendSignal}) and every {@link WalTailProperties#pollInterval()} for rows written elsewhere, it reads
 * which tenants, sessions and executions the positions since its last look belong to (one query for all followers)
 * and notifies the followers concerned. A notification only says "look again": followers read after their own last
 * position, so a notification that arrives twice or for nothing new does no harm. After a jump too large to inspect,
 * or when the tail does not know where it stands, every follower is notified; each new follower is notified once at
 * the first look after it registered.
 */
@Component
public class WalTail implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WalTail.class);
    private static final long UNKNOWN = -1;

    private final JdbcTemplate jdbc;
    private final WalTailProperties properties;
    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService looker;
    /** The highest position already inspected; only the looker thread reads and writes it. */
    private long head = UNKNOWN;

    WalTail(JdbcTemplate jdbc, WalTailProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A registration returned by {@link #follow}; closing it stops the notifications. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Notifies {@code onAppend} whenever entries of the scope may have been appended. Register before reading the
     * entries already there, so nothing appended in between goes unnoticed.
     *
     * @param onAppend runs on the tail's own thread and must return quickly (hand the reading to another thread)
     */
    public Subscription follow(WalScope scope, Runnable onAppend) {
        Follower follower = new Follower(scope, onAppend);
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** Looks for new entries now rather than at the next poll; calls made while a look is pending are merged. */
    void wake() {
        ScheduledExecutorService current = looker;
        if (current != null && wakePending.compareAndSet(false, true)) {
            current.execute(() -> {
                wakePending.set(false);
                look();
            });
        }
    }

    private void look() {
        if (followers.isEmpty()) {
            head = UNKNOWN;
            return;
        }
        try {
            Long max = jdbc.queryForObject("select max(position) from wal_entry", Long.class);
            long latest = max == null ? 0 : max;
            if (head == UNKNOWN || latest < head || latest - head > properties.maxScan()) {
                head = latest;
                followers.forEach(Follower::notifyAppended);
            } else if (latest > head) {
                Appended appended = appendedBetween(head, latest);
                head = latest;
                followers.stream().filter(appended::concerns).forEach(Follower::notifyAppended);
            }
            followers.forEach(Follower::announce);
        } catch (RuntimeException e) {
            LOG.warn("Could not look for new WAL entries; trying again at the next poll", e);
        }
    }

    private Appended appendedBetween(long after, long upTo) {
        Appended appended = new Appended(new HashSet<>(), new HashSet<>());
        jdbc.query("""
                select distinct tenant_id, session_id, execution_id from wal_entry
                where position > ? and position <= ?""", row -> {
            String tenant = row.getString("tenant_id");
            UUID session = row.getObject("session_id", UUID.class);
            UUID execution = row.getObject("execution_id", UUID.class);
            if (session != null) {
                appended.sessions().add(new WalScope.Key(tenant, session));
            }
            if (execution != null) {
                appended.executions().add(new WalScope.Key(tenant, execution));
            }
        }, after, upTo);
        return appended;
    }

    @Override
    public synchronized void start() {
        if (looker == null) {
            looker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "wal-tail");
                thread.setDaemon(true);
                return thread;
            });
            long interval = properties.pollInterval().toMillis();
            looker.scheduleWithFixedDelay(this::look, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (looker != null) {
            looker.shutdownNow();
            looker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return looker != null;
    }

    /** The tenants' sessions and executions that have entries among the positions inspected. */
    private record Appended(Set<WalScope.Key> sessions, Set<WalScope.Key> executions) {

        boolean concerns(Follower follower) {
            Set<WalScope.Key> keys = follower.scope().kind() == WalScope.Kind.EXECUTION ? executions : sessions;
            return keys.contains(follower.scope().key());
        }
    }

    /** A registration; identity-equal, so the same scope may be followed several times. */
    private static final class Follower {

        private final WalScope scope;
        private final Runnable onAppend;
        private final AtomicBoolean unannounced = new AtomicBoolean(true);

        Follower(WalScope scope, Runnable onAppend) {
            this.scope = scope;
            this.onAppend = onAppend;
        }

        WalScope scope() {
            return scope;
        }

        /** Notifies once after registering, at the first look that knows the follower. */
        void announce() {
            if (unannounced.getAndSet(false)) {
                notifyAppended();
            }
        }

        void notifyAppended() {
            try {
                onAppend.run();
            } catch (RuntimeException e) {
                LOG.warn("A follower of {} failed to take a WAL notification", scope, e);
            }
        }
    }
}
