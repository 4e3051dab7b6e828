package io.symphainy.runtime.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nonnull;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * What one Axon component (the command bus, the event store, an event processor) did with each message, by payload
 * type: messages ingested, handled successfully, failed, and ignored (an event a processor does not handle), and the
 * time spent on those handled.
 *
 * <p>It sees every command and every event, and every processor reads every event of the store and ignores most of
 * them, so this monitor costs one map lookup and a counter increment per message: its meters are registered once per
 * payload type and kept (Axon's own monitors look each meter up in the registry for every message, and keep
 * client-side percentiles), and an ignored message is counted, not timed. Meter names are Axon's ({@code
 * commandBus.successCounter}, {@code eventProcessor.successTimer}, ...), tagged with {@code payloadType} and the
 * component's own tags (an event processor's {@code processorName}); the timers carry no client-side percentiles
 * (Prometheus computes them from the scrape).
 *
 * @param <M> the messages the component handles
 */
final class PayloadTypeMonitor<M extends Message<?>> implements MessageMonitor<M> {

    private final MeterRegistry registry;
    private final String prefix;
    private final Tags componentTags;
    private final Map<Class<?>, PayloadMeters> meters = new ConcurrentHashMap<>();

    PayloadTypeMonitor(MeterRegistry registry, String prefix, Tags componentTags) {
        this.registry = registry;
        this.prefix = prefix;
        this.componentTags = componentTags;
    }

    @Override
    public MonitorCallback onMessageIngested(@Nonnull M message) {
        PayloadMeters payload = meters.computeIfAbsent(message.getPayloadType(), this::metersFor);
        payload.ingested.increment();
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                payload.success.increment();
                payload.successTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                payload.failure.increment();
                payload.failureTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportIgnored() {
                payload.ignored.increment();
            }
        };
    }

    private PayloadMeters metersFor(Class<?> payloadType) {
        Tags tags = componentTags.and("payloadType", payloadType.getSimpleName());
        return new PayloadMeters(
                registry.counter(prefix + ".ingestedCounter", tags),
                registry.counter(prefix + ".successCounter", tags),
                registry.counter(prefix + ".failureCounter", tags),
                registry.counter(prefix + ".ignoredCounter", tags),
                registry.timer(prefix + ".successTimer", tags),
                registry.timer(prefix + ".failureTimer", tags));
    }

    private record PayloadMeters(Counter ingested, Counter success, Counter failure, Counter ignored,
                                 Timer successTime, Timer failureTime) {
    }
}
