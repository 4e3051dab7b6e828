package io.symphainy.runtime.core.infrastructure;

import java.time.Clock;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stamps events with the precision the event store keeps, milliseconds. A read model written in the recording
 * transaction sees the event as created, a rebuild sees it as stored: with one precision both write the same values,
 * and a replay reads back exactly the timestamp the live handlers saw.
 */
@Configuration(proxyBeanMethods = false)
public class EventClockConfiguration {

    @Bean
    public SmartInitializingSingleton millisecondEventClock() {
        return () -> GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }
}
