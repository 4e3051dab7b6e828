package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many executions of each tenant with an in-flight limit are in flight, as this node sees it without a read per
 * intent: the count the State Surface gave at the last reconciliation ({@link InFlightReconciler}), plus what this
 * node accepted since, minus what ended on this node since. Another node's acceptances count once the next
 * reconciliation reads them.
 */
@Component
class InFlightCounts {

    /**
     * One tenant's figures: the last count read, the changes this node saw since, and the places taken for intents
     * not yet recorded (a reconciliation's read cannot see those, so it never subtracts them).
     */
    static final class Count {
        private volatile long counted;
        private final AtomicLong changedSince = new AtomicLong();
        private final AtomicLong reserved = new AtomicLong();

        long current() {
            return Math.max(0, counted + changedSince.get() + reserved.get());
        }
    }

    private final Map<TenantId, Count> counts = new ConcurrentHashMap<>();
    private final ToLongFunction<TenantId> stateSurface;

    @Autowired
    InFlightCounts(InFlightQuery stateSurface) {
        this(stateSurface::inFlight);
    }

    InFlightCounts(ToLongFunction<TenantId> stateSurface) {
        this.stateSurface = stateSurface;
    }

    /**
     * Takes a place for one more execution of the tenant when fewer than {@code max} are in flight; the first time a
     * tenant is limited, its count is read at once.
     */
    boolean reserve(TenantId tenant, int max) {
        Count count = counts.computeIfAbsent(tenant, this::read);
        while (true) {
            long taken = count.reserved.get();
            if (count.counted + count.changedSince.get() + taken >= max) {
                return false;
            }
            if (count.reserved.compareAndSet(taken, taken + 1)) {
                return true;
            }
        }
    }

    /** Gives back a place taken for an intent that was not accepted. */
    void release(TenantId tenant) {
        Count count = counts.get(tenant);
        if (count != null) {
            count.reserved.decrementAndGet();
        }
    }

    /** The intent a place was taken for is recorded: from now on a reconciliation's read includes it. */
    void recorded(TenantId tenant) {
        Count count = counts.get(tenant);
        if (count != null) {
            count.changedSince.incrementAndGet();
            count.reserved.decrementAndGet();
        }
    }

    /** An execution of the tenant ended on this node. */
    void ended(TenantId tenant) {
        changed(tenant, -1);
    }

    /** The tenant's executions in flight as this node sees them, or empty when it counts none for it. */
    OptionalLong current(TenantId tenant) {
        Count count = counts.get(tenant);
        return count == null ? OptionalLong.empty() : OptionalLong.of(count.current());
    }

    /** The tenants counted now. */
    Iterable<TenantId> tenants() {
        return counts.keySet();
    }

    /**
     * Recounts the tenant from the State Surface. Changes seen while the count is read are kept on top of it: one of
     * them may be in the count already, which the next reconciliation corrects.
     */
    void reconcile(TenantId tenant) {
        Count count = counts.get(tenant);
        if (count == null) {
            return;
        }
        long before = count.changedSince.get();
        count.counted = stateSurface.applyAsLong(tenant);
        count.changedSince.addAndGet(-before);
    }

    /** Stops counting the tenant (its limit was lifted). */
    void forget(TenantId tenant) {
        counts.remove(tenant);
    }

    private void changed(TenantId tenant, int by) {
        Count count = counts.get(tenant);
        if (count != null) {
            count.changedSince.addAndGet(by);
        }
    }

    private Count read(TenantId tenant) {
        Count count = new Count();
        count.counted = stateSurface.applyAsLong(tenant);
        return count;
    }
}
