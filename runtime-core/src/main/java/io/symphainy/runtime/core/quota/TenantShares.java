package io.symphainy.runtime.core.quota;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many of a shared resource's places (the intake's, the step worker's threads) each tenant may hold, by who else
 * is using it: a tenant alone may hold them all, and while another tenant has come within the contention window each
 * holds at most its contended share. So a lone tenant loses nothing to fairness, and a flooding tenant gives up places,
 * and the CPU its work would cost, as soon as another tenant's work arrives; it takes them back a window after the last
 * of those. Tenants are any keys, {@code null} included.
 */
public final class TenantShares {

    /** How long after its last arrival a tenant still counts as using the resource, shrinking the others' share. */
    public static final long CONTENTION_WINDOW_MILLIS = 1_000;

    private final int places;
    private final int contendedShare;
    private final long windowNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private final Map<Object, Integer> held = new HashMap<>();
    private final Map<Object, Long> lastArrival = new HashMap<>();

    /**
     * @param places         the resource's places
     * @param contendedShare the places a tenant may hold while another tenant uses the resource (at least 1)
     * @param window         how long after its last arrival a tenant still counts as using the resource
     */
    public TenantShares(int places, int contendedShare, long window, TimeUnit unit) {
        this.places = places;
        this.contendedShare = Math.max(1, Math.min(places, contendedShare));
        this.windowNanos = unit.toNanos(window);
    }

    /**
     * Shares of {@code places} in which, while another tenant has come within {@value #CONTENTION_WINDOW_MILLIS} ms,
     * each tenant holds at most {@code share} of them (rounded up, at least one).
     */
    public static TenantShares contended(int places, double share) {
        return new TenantShares(places, (int) Math.ceil(places * share), CONTENTION_WINDOW_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Records that the tenant is using the resource now (it shrinks the others' share for a window) without taking a
     * place: for work that waits in line before it takes one ({@link #tryTake}).
     */
    public void arrive(Object tenant) {
        lock.lock();
        try {
            lastArrival.put(tenant, System.nanoTime());
        } finally {
            lock.unlock();
        }
    }

    /** Takes one of the tenant's places if it holds fewer than its share now; never waits. */
    public boolean tryTake(Object tenant) {
        lock.lock();
        try {
            return takeWithinShare(tenant);
        } finally {
            lock.unlock();
        }
    }

    /** Takes one of the tenant's places, waiting until {@code deadlineNanos} (nano time) at most; false if none did. */
    public boolean enter(Object tenant, long deadlineNanos) {
        lock.lock();
        try {
            lastArrival.put(tenant, System.nanoTime());
            while (!takeWithinShare(tenant)) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    released.awaitNanos(left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives one of the tenant's places back; nothing when it holds none. */
    public void exit(Object tenant) {
        lock.lock();
        try {
            held.computeIfPresent(tenant, (t, count) -> count > 1 ? count - 1 : null);
            forgetQuietTenants();
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The places the tenant may hold now. */
    public int shareOf(Object tenant) {
        lock.lock();
        try {
            long now = System.nanoTime();
            for (Map.Entry<Object, Long> arrival : lastArrival.entrySet()) {
                if (!Objects.equals(arrival.getKey(), tenant) && now - arrival.getValue() < windowNanos) {
                    return contendedShare;
                }
            }
            return places;
        } finally {
            lock.unlock();
        }
    }

    private boolean takeWithinShare(Object tenant) {
        if (held.getOrDefault(tenant, 0) >= shareOf(tenant)) {
            return false;
        }
        held.merge(tenant, 1, Integer::sum);
        return true;
    }

    private void forgetQuietTenants() {
        if (lastArrival.size() > 1) {
            long now = System.nanoTime();
            lastArrival.entrySet().removeIf(arrival -> now - arrival.getValue() >= windowNanos
                    && !held.containsKey(arrival.getKey()));
        }
    }
}
