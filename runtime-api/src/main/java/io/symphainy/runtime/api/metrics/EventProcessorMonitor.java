package io.symphainy.runtime.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

/**
 * What one event processor did with each event it read, by payload type: events ingested, handled successfully,
 * failed, and ignored (not handled by this processor), and the time spent handling the events it handled.
 *
 * <p>Every processor reads every event of the store and ignores most of them, so this monitor costs one map lookup
 * and one counter increment per event: its meters are registered once per payload type and kept, and an ignored
 * event is counted, not timed. Meter names are those of Axon's own processor monitors ({@code
 * eventProcessor.successCounter}, {@code eventProcessor.successTimer}, ...), tagged with {@code payloadType} and
 * {@code processorName}; the timers carry no client-side percentiles (Prometheus computes them from the scrape).
 */
final class EventProcessorMonitor implements MessageMonitor<EventMessage<?>> {

    static final String PREFIX = "eventProcessor";

    private final MeterRegistry registry;
    private final String processorName;
    private final Map<Class<?>, PayloadMeters> meters = new ConcurrentHashMap<>();

    EventProcessorMonitor(MeterRegistry registry, String processorName) {
        this.registry = registry;
        this.processorName = processorName;
    }

    @Override
    public MonitorCallback onMessageIngested(@Nonnull EventMessage<?> message) {
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
        Tags tags = Tags.of("payloadType", payloadType.getSimpleName(), "processorName", processorName);
        return new PayloadMeters(
                registry.counter(PREFIX + ".ingestedCounter", tags),
                registry.counter(PREFIX + ".successCounter", tags),
                registry.counter(PREFIX + ".failureCounter", tags),
                registry.counter(PREFIX + ".ignoredCounter", tags),
                registry.timer(PREFIX + ".successTimer", tags),
                registry.timer(PREFIX + ".failureTimer", tags));
    }

    private record PayloadMeters(Counter ingested, Counter success, Counter failure, Counter ignored,
                                 Timer successTime, Timer failureTime) {
    }
}
