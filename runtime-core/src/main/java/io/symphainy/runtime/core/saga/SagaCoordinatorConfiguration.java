package io.symphainy.runtime.core.saga;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.SagaManagerSpanFactory;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link SagaCoordinator} with a saga manager that routes each execution's events to the one segment
 * holding its coordinator ({@link ExecutionRoutedSagaManager}); otherwise configured as Axon configures any saga.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class SagaCoordinatorConfiguration {

    @Bean
    public ConfigurerModule sagaCoordinatorRegistration() {
        return configurer -> configurer.eventProcessing().registerSaga(SagaCoordinator.class,
                saga -> saga.configureSagaManager(SagaCoordinatorConfiguration::routedManager));
    }

    private static ExecutionRoutedSagaManager<SagaCoordinator> routedManager(Configuration configuration) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        return new ExecutionRoutedSagaManager<>(AnnotatedSagaManager.<SagaCoordinator>builder()
                .sagaType(SagaCoordinator.class)
                .sagaRepository(processing.sagaConfiguration(SagaCoordinator.class).repository())
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(SagaCoordinator.class))
                .listenerInvocationErrorHandler(
                        processing.listenerInvocationErrorHandler(SagaCoordinator.PROCESSING_GROUP))
                .spanFactory(configuration.getComponent(SagaManagerSpanFactory.class)),
                SagaCoordinator.EXECUTION_ID);
    }
}
