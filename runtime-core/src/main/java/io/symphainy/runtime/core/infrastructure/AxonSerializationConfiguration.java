package io.symphainy.runtime.core.infrastructure;

import io.symphainy.runtime.core.common.StorageMapper;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Jackson for everything Axon stores: events, snapshots, sagas, tokens and deadlines.
 *
 * <p>The mapper ({@link StorageMapper}) is Axon's own, not the web layer's, so that changing how the HTTP API names
 * fields can never change what is already in the event store. Fields are read directly so that sagas need no getters.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializationConfiguration {

    private static Serializer jacksonSerializer() {
        ChainingConverter converter = new ChainingConverter();
        converter.registerConverter(new PgJsonToStringConverter());
        return JacksonSerializer.builder()
                .objectMapper(StorageMapper.create())
                .converter(converter)
                .build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jacksonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jacksonSerializer();
    }
}
