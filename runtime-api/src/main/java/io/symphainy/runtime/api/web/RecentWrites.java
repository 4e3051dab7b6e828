package io.symphainy.runtime.api.web;

import io.symphainy.runtime.api.config.ReadYourWritesProperties;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for clients of this node: projections trail the event store by milliseconds, so a read of
 * something this node just acknowledged waits briefly for the State Surface instead of answering 404. Reads of
 * anything else answer at once.
 */
@Component
public class RecentWrites {

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final ReadYourWritesProperties properties;

    RecentWrites(ReadYourWritesProperties properties) {
        this.properties = properties;
    }

    /** Notes that this node acknowledged, to the given tenant, a write creating the identified resource. */
    public void acknowledged(String tenantId, Object id) {
        if (acknowledged.size() >= properties.trackedIds()) {
            acknowledged.clear();
        }
        acknowledged.add(key(tenantId, id));
    }

    /**
     * Reads from a projection, waiting for the resource when this node acknowledged it to the same tenant but it is
     * not there yet; another tenant's read of the same id answers at once.
     */
    public <T> Optional<T> read(String tenantId, Object id, Supplier<Optional<T>> projection) {
        String key = key(tenantId, id);
        Optional<T> found = projection.get();
        if (found.isPresent() || !acknowledged.contains(key)) {
            found.ifPresent(ignored -> acknowledged.remove(key));
            return found;
        }
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Pause.briefly();
            found = projection.get();
        }
        found.ifPresent(ignored -> acknowledged.remove(key));
        return found;
    }

    private static String key(String tenantId, Object id) {
        return tenantId.length() + ":" + tenantId + ":" + id;
    }
}
