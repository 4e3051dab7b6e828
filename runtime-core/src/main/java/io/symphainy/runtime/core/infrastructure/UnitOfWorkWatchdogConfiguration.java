package io.symphainy.runtime.core.infrastructure;

import io.symphainy.runtime.core.config.WatchdogProperties;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts every unit of work of the event processors, the command and query buses and the deadline manager under the
 * {@link UnitOfWorkWatchdog} (Axon's own time limits are off: {@code axon.timeout.enabled=false} in the core's
 * defaults).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WatchdogProperties.class)
public class UnitOfWorkWatchdogConfiguration {

    @Bean
    public UnitOfWorkWatchdog unitOfWorkWatchdog(WatchdogProperties properties) {
        return new UnitOfWorkWatchdog(properties);
    }

    @Bean
    public ConfigurerModule unitOfWorkWatchdogForProcessors(UnitOfWorkWatchdog watchdog) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.eventProcessing().registerDefaultHandlerInterceptor(
                        (configuration, processor) -> watchdog.interceptor("event processor " + processor));
            }

            /** First, so that the watch covers every other interceptor, as Axon's time limits did. */
            @Override
            public int order() {
                return Integer.MIN_VALUE;
            }
        };
    }

    /** Buses and the deadline manager exist once every singleton does; their interceptors are added then. */
    @Bean
    public SmartInitializingSingleton unitOfWorkWatchdogForBuses(UnitOfWorkWatchdog watchdog,
                                                                 ObjectProvider<CommandBus> commandBus,
                                                                 ObjectProvider<QueryBus> queryBus,
                                                                 ObjectProvider<DeadlineManager> deadlines) {
        return () -> {
            commandBus.ifAvailable(bus -> bus.registerHandlerInterceptor(watchdog.interceptor("command bus")));
            queryBus.ifAvailable(bus -> bus.registerHandlerInterceptor(watchdog.interceptor("query bus")));
            deadlines.ifAvailable(manager -> manager.registerHandlerInterceptor(
                    watchdog.interceptor("deadline manager")));
        };
    }
}
