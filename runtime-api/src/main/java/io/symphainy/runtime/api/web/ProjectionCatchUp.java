package io.symphainy.runtime.api.web;

import io.symphainy.runtime.api.config.ReadYourWritesProperties;
import io.symphainy.runtime.core.observability.ProcessorStatuses;
import io.symphainy.runtime.core.projection.ReadModels;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Reads from a projection what the runtime recorded before the read began, even when the projection still trails the
 * event store: a miss waits, briefly, until the projection has handled every event that was in the store when the
 * read began, then reads once more. So a data reference named by an execution that was already seen completed is
 * found, while a reference that does not exist answers as soon as the projection has caught up.
 */
@Component
public class ProjectionCatchUp {

    private final ProcessorStatuses processors;
    private final ReadModels readModels;
    private final ReadYourWritesProperties properties;

    ProjectionCatchUp(ProcessorStatuses processors, ReadModels readModels, ReadYourWritesProperties properties) {
        this.processors = processors;
        this.readModels = readModels;
        this.properties = properties;
    }

    /** The query's answer once the named projection has handled the store as it was when this call began. */
    public <T> Optional<T> read(String projection, Supplier<Optional<T>> query) {
        Long head = processors.headPosition();
        Optional<T> found = query.get();
        if (found.isPresent() || head == null) {
            return found;
        }
        long deadline = System.nanoTime() + properties.maxWait().toNanos();
        while (readModels.position(projection).filter(position -> position >= head).isEmpty()
                && System.nanoTime() < deadline) {
            Pause.briefly();
        }
        return query.get();
    }
}
