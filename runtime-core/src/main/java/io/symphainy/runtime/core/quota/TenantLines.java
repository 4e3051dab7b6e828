package io.symphainy.runtime.core.quota;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Elements waiting in a line per tenant, in arrival order, and the tenants in turn: the next element comes from the
 * first tenant in turn that may take one, which then goes to the back of the turns if more of it waits. So a tenant
 * with thousands waiting delays another's single one by one element per tenant waiting. Not thread-safe: its users
 * (the step worker's queue, the intake's turnstile) guard it with their lock.
 *
 * @param <E> the elements
 */
public final class TenantLines<E> {

    private final Map<Object, ArrayDeque<E>> lines = new HashMap<>();
    private final ArrayDeque<Object> turns = new ArrayDeque<>(); // tenants with something waiting, next first
    private int count;

    /** Adds the element at the end of its tenant's line; a tenant with nothing waiting joins the turns at the back. */
    public void add(Object tenant, E element) {
        lines.computeIfAbsent(tenant, t -> {
            turns.addLast(t);
            return new ArrayDeque<>();
        }).addLast(element);
        count++;
    }

    /**
     * The head of the first tenant in turn that {@code mayTake} (asked in turn order, until one answers yes); null when
     * none does or nothing waits. Tenants skipped keep their places in the turns.
     */
    public E next(Predicate<Object> mayTake) {
        for (Iterator<Object> waiting = turns.iterator(); waiting.hasNext(); ) {
            Object tenant = waiting.next();
            if (mayTake.test(tenant)) {
                waiting.remove();
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
        return null;
    }

    /** The element the next take would answer if every tenant may take, or null. */
    public E peek() {
        return count == 0 ? null : lines.get(turns.peekFirst()).peekFirst();
    }

    /** Removes the element from whichever line holds it; false when none does. */
    public boolean remove(Object element) {
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
    }

    /** Elements of the tenant waiting. */
    public int sizeOf(Object tenant) {
        ArrayDeque<E> line = lines.get(tenant);
        return line == null ? 0 : line.size();
    }

    /** Tenants with something waiting. */
    public int tenants() {
        return turns.size();
    }

    /** Elements waiting. */
    public int size() {
        return count;
    }

    /** The elements waiting, tenant by tenant in turn. */
    public List<E> snapshot() {
        List<E> snapshot = new ArrayList<>(count);
        turns.forEach(tenant -> snapshot.addAll(lines.get(tenant)));
        return snapshot;
    }
}
