package io.symphainy.runtime.core.intake;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
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
    private final Map<Object, ArrayDeque<Waiter>> lines = new HashMap<>();
    private final ArrayDeque<Object> turns = new ArrayDeque<>();
    private int free;

    TenantTurnstile(int places) {
        this.free = places;
    }

    /** Takes a place for the tenant, waiting at most {@code timeoutNanos} for its turn; false when none came. */
    boolean enter(Object tenant, long timeoutNanos) {
        lock.lock();
        try {
            if (free > 0 && turns.isEmpty()) {
                free--;
                return true;
            }
            Waiter waiter = new Waiter(lock.newCondition());
            lines.computeIfAbsent(tenant, t -> {
                turns.addLast(t);
                return new ArrayDeque<>();
            }).addLast(waiter);
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
                leave(tenant, waiter);
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
            return lines.values().stream().mapToInt(ArrayDeque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    private void handOver() {
        Object tenant = turns.pollFirst();
        if (tenant == null) {
            free++;
            return;
        }
        ArrayDeque<Waiter> line = lines.get(tenant);
        Waiter next = line.pollFirst();
        if (line.isEmpty()) {
            lines.remove(tenant);
        } else {
            turns.addLast(tenant);
        }
        next.placed = true;
        next.granted.signal();
    }

    private void leave(Object tenant, Waiter waiter) {
        ArrayDeque<Waiter> line = lines.get(tenant);
        line.remove(waiter);
        if (line.isEmpty()) {
            lines.remove(tenant);
            turns.remove(tenant);
        }
    }
}
