package io.symphainy.runtime.core.worker;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A bounded blocking queue that serves its tenants in turn: each tenant's elements wait in a line of their own, in
 * arrival order, and each take goes to the next tenant with something waiting, so a tenant with thousands waiting
 * delays another's single one by one element per tenant waiting. The capacity bounds all tenants together, as a
 * {@code LinkedBlockingQueue}'s would; one lock guards it; offers and takes are constant time.
 *
 * @param <E> the elements; {@code tenantOf} names each one's tenant (any key, {@code null} included)
 */
final class TenantRoundRobinQueue<E> extends AbstractQueue<E> implements BlockingQueue<E> {

    private final int capacity;
    private final Function<? super E, ?> tenantOf;
    private final Map<Object, ArrayDeque<E>> lines = new HashMap<>();
    private final ArrayDeque<Object> turns = new ArrayDeque<>(); // tenants with something waiting, next first
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private volatile int count;

    TenantRoundRobinQueue(int capacity, Function<? super E, ?> tenantOf) {
        this.capacity = capacity;
        this.tenantOf = tenantOf;
    }

    @Override
    public boolean offer(E element) {
        Objects.requireNonNull(element, "element");
        Object tenant = tenantOf.apply(element);
        lock.lock();
        try {
            if (count >= capacity) {
                return false;
            }
            lines.computeIfAbsent(tenant, t -> {
                turns.addLast(t);
                return new ArrayDeque<>();
            }).addLast(element);
            count++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void put(E element) {
        if (!offer(element)) {
            throw new IllegalStateException("queue full: " + capacity + " elements wait");
        }
    }

    @Override
    public boolean offer(E element, long timeout, TimeUnit unit) { // never waits: a full queue refuses at once
        return offer(element);
    }

    @Override
    public E poll() {
        lock.lock();
        try {
            return count == 0 ? null : next();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E take() throws InterruptedException {
        return poll(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count == 0) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return next();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E peek() {
        return locked(() -> count == 0 ? null : lines.get(turns.peekFirst()).peekFirst());
    }

    /** Elements of the tenant waiting now. */
    int sizeOf(Object tenant) {
        return locked(() -> lines.containsKey(tenant) ? lines.get(tenant).size() : 0);
    }

    /** Tenants with something waiting now. */
    int tenants() {
        return locked(turns::size);
    }

    @Override
    public int size() { // read without the lock, as a LinkedBlockingQueue's is
        return count;
    }

    @Override
    public int remainingCapacity() {
        return capacity - size();
    }

    @Override
    public int drainTo(Collection<? super E> sink) {
        return drainTo(sink, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super E> sink, int max) { // tenants in turn, as that many polls would
        return locked(() -> {
            int drained = 0;
            while (count > 0 && drained < max) {
                sink.add(next());
                drained++;
            }
            return drained;
        });
    }

    @Override
    public boolean remove(Object element) {
        return locked(() -> {
            for (Iterator<Object> tenants = turns.iterator(); tenants.hasNext(); ) {
                Object tenant = tenants.next();
                ArrayDeque<E> line = lines.get(tenant);
                if (line.remove(element)) {
                    count--;
                    if (line.isEmpty()) {
                        lines.remove(tenant);
                        tenants.remove();
                    }
                    return true;
                }
            }
            return false;
        });
    }

    /** A snapshot of the elements waiting, tenant by tenant; removing through it changes nothing. */
    @Override
    public Iterator<E> iterator() {
        return locked(() -> {
            List<E> snapshot = new ArrayList<>(count);
            turns.forEach(tenant -> snapshot.addAll(lines.get(tenant)));
            return snapshot.iterator();
        });
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** The head of the tenant whose turn it is; the tenant goes to the back of the turns if more of it waits. */
    private E next() {
        Object tenant = turns.pollFirst();
        ArrayDeque<E> line = lines.get(tenant);
        E element = line.pollFirst();
        if (line.isEmpty()) {
            lines.remove(tenant);
        } else {
            turns.addLast(tenant);
        }
        count--;
        return element;
    }
}
