package io.symphainy.runtime.core.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An in-memory cache holding at most a fixed number of entries, evicting the least recently used one beyond it.
 *
 * <p>Entries are strongly referenced, so a recently used aggregate survives garbage collections; the bound keeps
 * the memory it takes proportional to the number of aggregates in use, not to their number in the store.
 *
 * <p>While other nodes share the database it holds nothing ({@link #holdEntries(boolean)}): another node's append
 * makes an entry stale, and appending from a stale entry fails the whole unit of work (for the coordinator, its whole
 * batch, which its processor then retries after a pause, releasing its segment meanwhile).
 */
public final class BoundedAggregateCache implements Cache {

    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean holding = true;

    /** A cache of at most {@code maximumEntries} entries (at least one). */
    public BoundedAggregateCache(int maximumEntries) {
        if (maximumEntries < 1) {
            throw new IllegalArgumentException("a bounded cache needs room for at least one entry");
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                boolean full = size() > maximumEntries;
                if (full) {
                    listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                }
                return full;
            }
        };
    }

    /** Keeps entries (this node is alone on its database) or keeps none and forgets those it has. */
    public void holdEntries(boolean hold) {
        holding = hold;
        if (!hold) {
            removeAll();
        }
    }

    /** Whether the cache keeps entries. */
    public boolean holdsEntries() {
        return holding;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        if (!holding) {
            return null;
        }
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null || !holding) {
            remove(key);
            return;
        }
        boolean existed = entries.put(key, value) != null;
        listeners.forEach(listener -> {
            if (existed) {
                listener.onEntryUpdated(key, value);
            } else {
                listener.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        if (!holding) {
            return valueSupplier.get();
        }
        T present = (T) entries.get(key);
        if (present != null) {
            return present;
        }
        T value = valueSupplier.get();
        put(key, value);
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V present = (V) entries.get(key);
        if (present != null) {
            put(key, update.apply(present));
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
