package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.quota.TenantLines;
import io.symphainy.runtime.core.quota.TenantShares;
import java.util.AbstractQueue;
import java.util.Collection;
import java.util.Iterator;
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
 * {@code LinkedBlockingQueue}'s would; one lock guards it; offers are constant time, takes look at most once at each
 * tenant waiting.
 *
 * <p>With {@link TenantShares} for the threads that take from it, a take also skips a tenant that runs its share of
 * them already (a tenant alone may run on every thread; while another tenant has offered something within the shares'
 * window, each runs on at most its contended share), so a tenant's slow attempts cannot hold every thread while another
 * tenant's attempts wait. Each element taken is then counted as running until {@link #finished} is called for it.
 *
 * @param <E> the elements; {@code tenantOf} names each one's tenant (any key, {@code null} included)
 */
final class TenantRoundRobinQueue<E> extends AbstractQueue<E> implements BlockingQueue<E> {

    private static final long SHARE_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50); // shares widen unsignalled

    private final int capacity;
    private final Function<? super E, ?> tenantOf;
    private final TenantShares running;
    private final TenantLines<E> lines = new TenantLines<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private volatile int count;

    /** A queue serving tenants in turn, with no limit on how many of a tenant's elements are taken at once. */
    TenantRoundRobinQueue(int capacity, Function<? super E, ?> tenantOf) {
        this(capacity, tenantOf, new TenantShares(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, TimeUnit.NANOSECONDS));
    }

    /** A queue serving tenants in turn, each taking at most its share of {@code running}: the takers' threads. */
    TenantRoundRobinQueue(int capacity, Function<? super E, ?> tenantOf, TenantShares running) {
        this.capacity = capacity;
        this.tenantOf = tenantOf;
        this.running = running;
    }

    /** The element taken from this queue has finished running: its tenant's place goes back to the shares. */
    void finished(E element) {
        running.exit(tenantOf.apply(element));
        if (count > 0) { // a held-back element may be takeable now; with none waiting, no taker needs waking
            locked(() -> {
                notEmpty.signal();
                return null;
            });
        }
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
            running.arrive(tenant);
            lines.add(tenant, element);
            count = lines.size();
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
        return locked(this::next);
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
            E next = next();
            while (next == null) {
                if (nanos <= 0) {
                    return null;
                }
                long waited = count == 0 ? nanos : Math.min(nanos, SHARE_RECHECK_NANOS);
                nanos -= waited - notEmpty.awaitNanos(waited);
                next = next();
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public E peek() {
        return locked(lines::peek);
    }

    /** Elements of the tenant waiting now. */
    int sizeOf(Object tenant) {
        return locked(() -> lines.sizeOf(tenant));
    }

    /** Tenants with something waiting now. */
    int tenants() {
        return locked(lines::tenants);
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
            for (E next; drained < max && (next = next()) != null; drained++) {
                sink.add(next);
            }
            return drained;
        });
    }

    @Override
    public boolean remove(Object element) {
        return locked(() -> {
            boolean removed = lines.remove(element);
            count = lines.size();
            return removed;
        });
    }

    /** A snapshot of the elements waiting, tenant by tenant; removing through it changes nothing. */
    @Override
    public Iterator<E> iterator() {
        return locked(() -> lines.snapshot().iterator());
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** The head of the first tenant in turn that may run one more (null when none may, or nothing waits). */
    private E next() {
        E next = lines.next(running::tryTake);
        count = lines.size();
        return next;
    }
}
