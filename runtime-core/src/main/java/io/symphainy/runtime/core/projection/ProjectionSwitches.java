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
 * <p>A switch only ever flips between two batches of the read model's processor: every batch holds its processor's
 * gate's read lock from its first event until its unit of work is cleaned up, and a flip takes the write lock. So a
 * batch either feeds a read model every event it holds, or none. For the in-transaction processor a batch is the
 * recording unit of work itself: a flip waits for the transactions under way and holds new ones back meanwhile.
 */
@Component
public class ProjectionSwitches {

    private static final String GATE_HELD = ProjectionSwitches.class.getName() + ".gate";

    private final Map<String, Boolean> live = new ConcurrentHashMap<>();
    private final Map<String, EventHandlerInvoker> invokers = new ConcurrentHashMap<>();
    private final Map<String, String> processors = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<EventMessage<?>>>> observers = new ConcurrentHashMap<>();
    private final Map<String, ReentrantReadWriteLock> gates = new ConcurrentHashMap<>();

    /**
     * Tells {@code observer} of every event the named read model's handlers were given by the shared processor, in
     * the processor's unit of work.
     */
    public void observe(String readModel, Consumer<EventMessage<?>> observer) {
        observers.computeIfAbsent(readModel, name -> new CopyOnWriteArrayList<>()).add(observer);
    }

    /**
     * Wraps each read model's handlers in the named processor in a switch; the read models named in {@code rebuilding}
     * start switched off.
     */
    MultiEventHandlerInvoker wrap(String processor, EventHandlerInvoker invoker, Set<String> rebuilding) {
        List<EventHandlerInvoker> delegates = invoker instanceof MultiEventHandlerInvoker multi ? multi.delegates()
                : List.of(invoker);
        return new MultiEventHandlerInvoker(delegates.stream().map(delegate -> {
            String name = readModelOf(delegate);
            invokers.put(name, delegate);
            processors.put(name, processor);
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
     * Runs {@code action} while no batch of the read model's processor is under way: its position stays where it is,
     * or, for the in-transaction processor, no recording transaction is between its read models' writes and its end.
     */
    void betweenBatches(String readModel, Runnable action) {
        ReentrantReadWriteLock gate = gateOf(processors.get(readModel));
        gate.writeLock().lock();
        try {
            action.run();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * The interceptor that holds the named processor's gate for each batch: from its first event until the unit of
     * work it runs in (for the in-transaction processor, the recording one) is cleaned up.
     */
    MessageHandlerInterceptor<EventMessage<?>> batchGate(String processor) {
        ReentrantReadWriteLock gate = gateOf(processor);
        String held = GATE_HELD + "." + processor;
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            UnitOfWork<?> batch = unitOfWork.root();
            if (!batch.resources().containsKey(held)) {
                gate.readLock().lock();
                batch.resources().put(held, Boolean.TRUE);
                batch.onCleanup(done -> gate.readLock().unlock());
            }
            return chain.proceed();
        };
    }

    /** The processor that feeds the read model while it is live. */
    Optional<String> processorOf(String readModel) {
        return Optional.ofNullable(processors.get(readModel));
    }

    private ReentrantReadWriteLock gateOf(String processor) {
        return gates.computeIfAbsent(processor, name -> new ReentrantReadWriteLock(true));
    }

    private void flip(String readModel, boolean on) {
        betweenBatches(readModel, () -> live.put(readModel, on));
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
