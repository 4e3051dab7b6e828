package io.symphainy.runtime.core.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

/**
 * The handlers of one read model, handed the events only while a switch is on: inside the shared processor while the
 * read model is live (while it is rebuilt, its own rebuild processor feeds it instead), and in the rebuild processor
 * until the rebuild is handed back ({@link RebuildRun}).
 */
final class SwitchableInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker delegate;
    private final BooleanSupplier live;
    private final Consumer<EventMessage<?>> handled;
    private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();

    /**
     * @param delegate the read model's handlers
     * @param live     whether the shared processor feeds them now
     * @param handled  told of every event the handlers were given
     */
    SwitchableInvoker(EventHandlerInvoker delegate, BooleanSupplier live, Consumer<EventMessage<?>> handled) {
        this.delegate = delegate;
        this.live = live;
        this.handled = handled;
    }

    /**
     * Whatever the switch: the processor then runs its interceptors for the event, the gate of {@link
     * ProjectionSwitches} among them, so a batch that skips a switched-off read model still holds the gate until it
     * ends, and a hand-over waits for it. The shared processor asks this of every read model for every event, and each
     * handles a few of the event types: a type none of its handlers takes is answered from a cache, without matching
     * every handler's parameters against the event again.
     */
    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return handledTypes.computeIfAbsent(eventMessage.getPayloadType(), delegate::canHandleType)
                && delegate.canHandle(eventMessage, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return delegate.canHandleType(payloadType);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        if (live.getAsBoolean()) {
            delegate.handle(message, segment);
            handled.accept(message);
        }
    }

    /** Resets go to the rebuild, never through the shared processor. */
    @Override
    public boolean supportsReset() {
        return false;
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }
}
