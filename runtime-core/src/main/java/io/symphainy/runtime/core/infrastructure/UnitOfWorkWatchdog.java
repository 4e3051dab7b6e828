package io.symphainy.runtime.core.infrastructure;

import io.symphainy.runtime.core.common.DaemonThreads;
import io.symphainy.runtime.core.config.WatchdogProperties;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Keeps every unit of work within its time: one warning, with the thread's stack, when a unit of work runs longer
 * than {@link WatchdogProperties#warningAfter()}, and an interrupt of its thread, failing it, past
 * {@link WatchdogProperties#timeLimit()}.
 *
 * <p>It stands in for Axon's own unit-of-work time limits, which walk the calling thread's stack every time a unit of
 * work starts (a twentieth of the runtime's CPU under load, measured). Starting a watch here is one set insertion; a
 * single sweeper thread looks at the running units of work once per {@link WatchdogProperties#sweepInterval()}.
 */
public class UnitOfWorkWatchdog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkWatchdog.class);
    private static final String WATCH_RESOURCE = UnitOfWorkWatchdog.class.getName();

    private final long warningAfterNanos;
    private final long timeLimitNanos;
    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper;

    public UnitOfWorkWatchdog(WatchdogProperties properties) {
        this.warningAfterNanos = properties.warningAfter().toNanos();
        this.timeLimitNanos = properties.timeLimit().toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("unit-of-work-watchdog-"));
        long sweepMillis = Math.max(1, properties.sweepInterval().toMillis());
        sweeper.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** An interceptor that watches the root unit of work of every message the named component handles. */
    public MessageHandlerInterceptor<Message<?>> interceptor(String component) {
        return (unitOfWork, chain) -> watch(component, unitOfWork, chain);
    }

    /** How many units of work are being watched now. */
    int watching() {
        return running.size();
    }

    private Object watch(String component, UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root.resources().containsKey(WATCH_RESOURCE)) {
            return chain.proceed();
        }
        Watch watch = new Watch(component, Thread.currentThread(), System.nanoTime());
        root.resources().put(WATCH_RESOURCE, watch);
        running.add(watch);
        root.onCleanup(ended -> running.remove(watch));
        try {
            Object result = chain.proceed();
            if (watch.interrupted) {
                throw timedOut(watch, null);
            }
            return result;
        } catch (Exception failure) {
            throw watch.interrupted ? timedOut(watch, failure) : failure;
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Watch watch : running) {
            long elapsed = now - watch.startedNanos;
            if (elapsed > timeLimitNanos && !watch.interrupted) {
                watch.interrupted = true;
                log.warn("The unit of work of {} on thread {} ran {} ms, past its limit of {} ms: interrupting it",
                        watch.component, watch.thread.getName(), Duration.ofNanos(elapsed).toMillis(),
                        Duration.ofNanos(timeLimitNanos).toMillis());
                watch.thread.interrupt();
            } else if (elapsed > warningAfterNanos && !watch.warned) {
                watch.warned = true;
                log.warn("The unit of work of {} on thread {} has run {} ms; it is interrupted after {} ms. It is at:\n{}",
                        watch.component, watch.thread.getName(), Duration.ofNanos(elapsed).toMillis(),
                        Duration.ofNanos(timeLimitNanos).toMillis(), stackOf(watch.thread));
            }
        }
    }

    private AxonTimeoutException timedOut(Watch watch, Exception cause) {
        AxonTimeoutException timeout = new AxonTimeoutException("The unit of work of " + watch.component
                + " ran longer than " + Duration.ofNanos(timeLimitNanos).toMillis() + " ms and was interrupted");
        if (cause != null) {
            timeout.addSuppressed(cause);
        }
        return timeout;
    }

    private static String stackOf(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).map(frame -> "\tat " + frame)
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
    }

    /** One running unit of work. Identity, not value, equality: two watches are never the same. */
    private static final class Watch {

        private final String component;
        private final Thread thread;
        private final long startedNanos;
        private volatile boolean warned;
        private volatile boolean interrupted;

        private Watch(String component, Thread thread, long startedNanos) {
            this.component = component;
            this.thread = thread;
            this.startedNanos = startedNanos;
        }
    }
}
