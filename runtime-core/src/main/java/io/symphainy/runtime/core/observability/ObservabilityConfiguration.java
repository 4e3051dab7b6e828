package io.symphainy.runtime.core.observability;

import io.symphainy.runtime.core.projection.ProjectionSwitches;
import io.symphainy.runtime.core.projection.ReadModel;
import io.symphainy.runtime.core.state.ExecutionStateProjection;
import io.symphainy.runtime.core.state.SessionStateProjection;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires meters and log context into Axon: the runtime's meters as a read model of the shared processor (never
 * rebuilt: it counts), counters of the events the State Surface read models apply and of their queries, and the log
 * context around every message handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MetricsProperties.class, MetricsHistoryProperties.class})
public class ObservabilityConfiguration {

    @Bean
    public ConfigurerModule observabilityProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> new LogContextInterceptor());
    }

    @Bean
    public ReadModel runtimeMetricsReadModel() {
        return ReadModel.liveOnly(RuntimeMetricsProjection.PROCESSING_GROUP);
    }

    /** The State Surface's writes, counted as its read models apply events in the shared processor. */
    @Bean
    public SmartInitializingSingleton stateSurfaceWriteMeters(ProjectionSwitches switches,
                                                              ObjectProvider<RuntimeMeters> meters) {
        return () -> {
            for (String readModel : List.of(ExecutionStateProjection.PROCESSING_GROUP,
                    SessionStateProjection.PROCESSING_GROUP)) {
                switches.observe(readModel, StateSurfaceMeters.writes(meters.getObject(), readModel));
            }
        };
    }

    /** Buses exist once every singleton does; their interceptors are added then. */
    @Bean
    public SmartInitializingSingleton observabilityInterceptors(ObjectProvider<CommandBus> commandBus,
                                                                ObjectProvider<QueryBus> queryBus,
                                                                ObjectProvider<RuntimeMeters> meters) {
        return () -> {
            LogContextInterceptor logContext = new LogContextInterceptor();
            commandBus.ifAvailable(bus -> bus.registerHandlerInterceptor(logContext));
            queryBus.ifAvailable(bus -> {
                bus.registerHandlerInterceptor(logContext);
                bus.registerHandlerInterceptor(StateSurfaceMeters.reads(meters.getObject()));
            });
        };
    }
}
