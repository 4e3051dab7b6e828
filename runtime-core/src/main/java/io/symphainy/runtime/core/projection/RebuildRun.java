package io.symphainy.runtime.core.projection;

import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;

/**
 * A rebuild under way: its read model, the processor replaying the store into it, and whether it has been handed back.
 * Handed back, the processor applies nothing more (the live processor carries the read model on from there) and is
 * asked to stop without being waited for: its worker may be waiting for a pooled connection, and while the live
 * processor is held, this node's transactions hold their connections until the hand-back ends.
 */
final class RebuildRun {

    private final ReadModel readModel;
    private final AtomicBoolean handedBack = new AtomicBoolean();
    private final TrackingEventProcessor processor;

    RebuildRun(ReadModel readModel, EventHandlerInvoker invoker, RebuildProcessors processors) {
        this.readModel = readModel;
        this.processor = processors.build(readModel,
                new SwitchableInvoker(invoker, () -> !handedBack.get(), event -> { }));
    }

    ReadModel readModel() {
        return readModel;
    }

    TrackingEventProcessor processor() {
        return processor;
    }

    /** From now on the processor applies nothing; it is asked to stop, not waited for. */
    void handBack() {
        handedBack.set(true);
        processor.shutdownAsync();
    }
}
