package io.symphainy.runtime.core.projection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.config.ProcessingGroup;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Which read models the shared processor feeds right now, and the handlers of each. A read model being rebuilt is
 * switched off in the shared processor, and on again once its rebuild has caught up.
 *
 * <p>A switch only ever flips between two batches of the shared processor: every batch holds the gate's read lock from
 * its first event until its unit of work is cleaned up, and a flip takes the write lock. So a batch either feeds a read
 * model every event it holds, or none.
 */
@Component
public class ProjectionSwitches {

    private static final String GATE_HELD = ProjectionSwitches.class.getName() + ".gate";

    private final Map<String, Boolean> live = new ConcurrentHashMap<>();
    private final Map<String, EventHandlerInvoker> invokers = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<EventMessage<?>>>> observers = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);

    /**
     * Tells {@code observer} of every event the named read model's handlers were given by the shared processor, in
     * the processor's unit of work.
     */
    public void observe(String readModel, Consumer<EventMessage<?>> observer) {
        observers.computeIfAbsent(readModel, name -> new CopyOnWriteArrayList<>()).add(observer);
    }

    /**
     * Wraps each read model's handlers in a switch; the read models named in {@code rebuilding} start switched off.
     */
    MultiEventHandlerInvoker wrap(EventHandlerInvoker invoker, Set<String> rebuilding) {
        List<EventHandlerInvoker> delegates = invoker instanceof MultiEventHandlerInvoker multi ? multi.delegates()
                : List.of(invoker);
        return new MultiEventHandlerInvoker(delegates.stream().map(delegate -> {
            String name = readModelOf(delegate);
            invokers.put(name, delegate);
            live.put(name, !rebuilding.contains(name));
            return (EventHandlerInvoker) new SwitchableInvoker(delegate, () -> isLive(name),
                    event -> observersOf(name).forEach(observer -> observer.accept(event)));
        }).toList());
    }

    /** Whether the shared processor feeds the named read model now. */
    public boolean isLive(String readModel) {
        return live.getOrDefault(readModel, false);
    }

    /** The handlers of the named read model, as the shared processor holds them. */
    Optional<EventHandlerInvoker> invokerOf(String readModel) {
        return Optional.ofNullable(invokers.get(readModel));
    }

    /** Stops feeding the read model; returns once no batch of the shared processor is under way. */
    void switchOff(String readModel) {
        flip(readModel, false);
    }

    /** Feeds the read model again from the shared processor's next batch on. */
    void switchOn(String readModel) {
        flip(readModel, true);
    }

    /**
     * Runs {@code action} while no batch of the shared processor is under way, so its position stays where it is.
     */
    void betweenBatches(Runnable action) {
        gate.writeLock().lock();
        try {
            action.run();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** The interceptor that holds the gate for each batch of the shared processor. */
    MessageHandlerInterceptor<EventMessage<?>> batchGate() {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            if (!batch.resources().containsKey(GATE_HELD)) {
                gate.readLock().lock();
                batch.resources().put(GATE_HELD, Boolean.TRUE);
                batch.onCleanup(done -> gate.readLock().unlock());
            }
            return chain.proceed();
        };
    }

    private void flip(String readModel, boolean on) {
        betweenBatches(() -> live.put(readModel, on));
    }

    private List<Consumer<EventMessage<?>>> observersOf(String readModel) {
        return observers.getOrDefault(readModel, List.of());
    }

    /** The processing group of the handlers an invoker holds. */
    private static String readModelOf(EventHandlerInvoker invoker) {
        if (invoker instanceof SimpleEventHandlerInvoker simple) {
            for (var handler : simple.eventHandlers()) {
                if (handler instanceof AnnotationEventHandlerAdapter adapter) {
                    ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(
                            ClassUtils.getUserClass(adapter.getTargetType()), ProcessingGroup.class);
                    if (group != null) {
                        return group.value();
                    }
                }
            }
        }
        throw new IllegalStateException("the shared read-model processor holds handlers without a processing group: "
                + invoker);
    }
}
