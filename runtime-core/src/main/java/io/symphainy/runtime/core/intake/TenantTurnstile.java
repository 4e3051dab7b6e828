package io.symphainy.runtime.core.intake;

import io.symphainy.runtime.core.quota.TenantLines;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counting semaphore whose waiters are served tenant by tenant in turn instead of in arrival order: when a place
 * frees up and several tenants wait, it goes to the next tenant's longest waiter, so a tenant with dozens of intents
 * waiting delays another's single one by one place per tenant waiting. While a place is free and nobody waits, taking
 * it costs one uncontended lock.
 */
final class TenantTurnstile {

    /** One thread waiting for a place; {@code granted} is set, under the lock, by whoever hands it a place. */
    private static final class Waiter {
        private final Condition granted;
        private boolean placed;

        private Waiter(Condition granted) {
            this.granted = granted;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final TenantLines<Waiter> lines = new TenantLines<>();
    private int free;

    TenantTurnstile(int places) {
        this.free = places;
    }

    /** Takes a place for the tenant, waiting at most {@code timeoutNanos} for its turn; false when none came. */
    boolean enter(Object tenant, long timeoutNanos) {
        lock.lock();
        try {
            if (free > 0 && lines.size() == 0) {
                free--;
                return true;
            }
            Waiter waiter = new Waiter(lock.newCondition());
            lines.add(tenant, waiter);
            long nanos = timeoutNanos;
            try {
                while (!waiter.placed && nanos > 0) {
                    nanos = waiter.granted.awaitNanos(nanos);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (waiter.placed && !Thread.currentThread().isInterrupted()) {
                return true;
            }
            if (waiter.placed) {
                handOver();
            } else {
                lines.remove(waiter);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Gives a place back: to the next tenant's longest waiter, or to the free places when nobody waits. */
    void exit() {
        lock.lock();
        try {
            handOver();
        } finally {
            lock.unlock();
        }
    }

    /** Threads waiting for a place now. */
    int waiting() {
        lock.lock();
        try {
            return lines.size();
        } finally {
            lock.unlock();
        }
    }

    private void handOver() {
        Waiter next = lines.next(tenant -> true);
        if (next == null) {
            free++;
            return;
        }
        next.placed = true;
        next.granted.signal();
    }
}
