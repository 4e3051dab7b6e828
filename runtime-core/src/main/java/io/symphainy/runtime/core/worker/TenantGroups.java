package io.symphainy.runtime.core.worker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Elements waiting to be handled in groups by several handlers at once, in a line per tenant. A handler takes a group
 * from the tenants in turn and holds them until it hands the group back: one tenant's elements are handled by one
 * handler at a time and in order, so a tenant with thousands waiting occupies one handler while the others serve the
 * other tenants. A group is the line of the tenant whose turn it is, up to the group's size; other tenants join it
 * only when their whole line fits in the room left, so tenants with a few elements waiting share groups with each
 * other, never with a flood's.
 *
 * @param <E> the elements; {@code tenantOf} names each one's tenant (any key, {@code null} included)
 */
final class TenantGroups<E> {

    /** A group taken: its elements, and the tenants it holds until it is handed back. */
    record Group<E>(List<E> elements, List<Object> tenants) {
    }

    private final Function<? super E, ?> tenantOf;
    private final Map<Object, ArrayDeque<E>> lines = new HashMap<>();
    private final ArrayDeque<Object> turns = new ArrayDeque<>(); // tenants waiting and not held, next first
    private final Set<Object> held = new HashSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private volatile int count;

    TenantGroups(Function<? super E, ?> tenantOf) {
        this.tenantOf = tenantOf;
    }

    /** Queues the element at the end of its tenant's line. */
    void add(E element) {
        Object tenant = tenantOf.apply(element);
        lock.lock();
        try {
            ArrayDeque<E> line = lines.computeIfAbsent(tenant, t -> new ArrayDeque<>());
            line.addLast(element);
            count++;
            if (line.size() == 1 && !held.contains(tenant)) {
                turns.addLast(tenant);
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until a tenant not held has elements waiting, and takes a group of at most {@code size} elements; the
     * caller must {@link #handBack} it once handled.
     */
    Group<E> take(int size) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (turns.isEmpty()) {
                ready.await();
            }
            Group<E> group = new Group<>(new ArrayList<>(Math.min(size, count)), new ArrayList<>());
            takeLine(turns.pollFirst(), size, group);
            for (Iterator<Object> waiting = turns.iterator(); waiting.hasNext() && group.elements().size() < size; ) {
                Object tenant = waiting.next();
                int room = size - group.elements().size();
                if (lines.get(tenant).size() <= room) {
                    waiting.remove();
                    takeLine(tenant, room, group);
                }
            }
            if (!turns.isEmpty()) {
                ready.signal();
            }
            return group;
        } finally {
            lock.unlock();
        }
    }

    /** Frees the group's tenants: those with more waiting take their turn again, at the back. */
    void handBack(Group<E> group) {
        lock.lock();
        try {
            for (Object tenant : group.tenants()) {
                held.remove(tenant);
                if (lines.containsKey(tenant)) {
                    turns.addLast(tenant);
                    ready.signal();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Elements waiting now, not counting those of groups taken. */
    int size() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Elements of the tenant waiting now. */
    int sizeOf(Object tenant) {
        lock.lock();
        try {
            ArrayDeque<E> line = lines.get(tenant);
            return line == null ? 0 : line.size();
        } finally {
            lock.unlock();
        }
    }

    private void takeLine(Object tenant, int max, Group<E> group) {
        ArrayDeque<E> line = lines.get(tenant);
        int taken = 0;
        while (taken < max && !line.isEmpty()) {
            group.elements().add(line.pollFirst());
            taken++;
        }
        if (line.isEmpty()) {
            lines.remove(tenant);
        }
        count -= taken;
        held.add(tenant);
        group.tenants().add(tenant);
    }
}
