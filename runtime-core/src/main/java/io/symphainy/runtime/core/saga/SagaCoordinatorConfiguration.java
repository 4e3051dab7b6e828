package io.symphainy.runtime.core.saga;

import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link SagaCoordinator} with a saga manager that routes each execution's events to the one segment
 * holding its coordinator and keeps executions without one away from it ({@link ExecutionRoutedSagaManager}), and a
 * store that remembers the coordinators' associations ({@link CoordinatorAssociations}); otherwise configured as Axon
 * configures any saga.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SagaCoordinatorConfiguration {

    @Bean
    public ConfigurerModule sagaCoordinatorRegistration() {
        AtomicReference<CoordinatorAssociations<Object>> associations = new AtomicReference<>();
        return configurer -> configurer.eventProcessing().registerSaga(SagaCoordinator.class, saga -> saga
                .configureSagaStore(configuration -> associations.updateAndGet(known -> known != null ? known
                        : new CoordinatorAssociations<>(storeOf(configuration))))
                .configureSagaManager(configuration -> routedManager(configuration,
                        associations.updateAndGet(known -> known != null ? known
                                : new CoordinatorAssociations<>(storeOf(configuration))))));
    }

    @SuppressWarnings("unchecked")
    private static SagaStore<Object> storeOf(Configuration configuration) {
        return (SagaStore<Object>) configuration.eventProcessingConfiguration().sagaStore();
    }

    private static ExecutionRoutedSagaManager<SagaCoordinator> routedManager(Configuration configuration,
                                                                             CoordinatorAssociations<?> associations) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        return new ExecutionRoutedSagaManager<>(AnnotatedSagaManager.<SagaCoordinator>builder()
                .sagaType(SagaCoordinator.class)
                .sagaRepository(processing.sagaConfiguration(SagaCoordinator.class).repository())
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(SagaCoordinator.class))
                .listenerInvocationErrorHandler(
                        processing.listenerInvocationErrorHandler(SagaCoordinator.PROCESSING_GROUP))
                .spanFactory(configuration.getComponent(SagaManagerSpanFactory.class)),
                SagaCoordinator.EXECUTION_ID, associations);
    }
}
