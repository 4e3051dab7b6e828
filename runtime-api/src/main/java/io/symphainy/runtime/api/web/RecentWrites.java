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

    private static final long POLL_MILLIS = 5;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final ReadYourWritesProperties properties;

    RecentWrites(ReadYourWritesProperties properties) {
        this.properties = properties;
    }

    /** Notes that this node acknowledged a write creating the identified resource. */
    public void acknowledged(Object id) {
        if (acknowledged.size() >= properties.trackedIds()) {
            acknowledged.clear();
        }
        acknowledged.add(id.toString());
    }

    /** Reads from a projection, waiting for the resource when this node acknowledged it but it is not there yet. */
    public <T> Optional<T> read(Object id, Supplier<Optional<T>> projection) {
        Optional<T> found = projection.get();
        if (found.isPresent() || !acknowledged.contains(id.toString())) {
            found.ifPresent(ignored -> acknowledged.remove(id.toString()));
            return found;
        }
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            sleep();
            found = projection.get();
        }
        found.ifPresent(ignored -> acknowledged.remove(id.toString()));
        return found;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
