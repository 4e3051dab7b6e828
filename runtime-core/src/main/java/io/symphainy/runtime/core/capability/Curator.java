package io.symphainy.runtime.core.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.config.SagaProperties;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The registry of capabilities: every {@link CapabilityDefinition} bean, checked and registered at start-up.
 */
@Component
public class Curator {

    private static final Logger log = LoggerFactory.getLogger(Curator.class);

    private final Map<String, RegisteredCapability> byName = new LinkedHashMap<>();
    private final Map<String, RegisteredCapability> byIntentType = new LinkedHashMap<>();
    private final JsonSchemaFactory schemaFactory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final JsonSchema metaSchema = schemaFactory.getSchema(SchemaLocation.of(SchemaId.V202012));
    private final ObjectMapper schemaMapper = new ObjectMapper();

    public Curator(List<CapabilityDefinition> definitions, SagaProperties sagaProperties) {
        this(definitions, List.of(), sagaProperties);
    }

    /** The declared capabilities and those the sources derive (agents), all checked alike. */
    @Autowired
    public Curator(List<CapabilityDefinition> definitions, List<CapabilitySource> sources,
                   SagaProperties sagaProperties) {
        for (CapabilityDefinition definition : definitions) {
            register(definition, sagaProperties);
        }
        for (CapabilitySource source : sources) {
            source.capabilities().forEach(definition -> register(definition, sagaProperties));
        }
        log.info("Curator registered {} capabilities: {}", byName.size(), byName.keySet());
    }

    private void register(CapabilityDefinition definition, SagaProperties sagaProperties) {
        CapabilityRules.check(definition);
        if (byName.containsKey(definition.name())) {
            throw new CapabilityRegistrationException("capability '" + definition.name()
                    + "' is registered twice; capability names must be unique");
        }
        for (String intentType : definition.intentTypes()) {
            RegisteredCapability holder = byIntentType.get(intentType);
            if (holder != null) {
                throw new CapabilityRegistrationException("intent type '" + intentType + "' of capability '"
                        + definition.name() + "' is already handled by capability '" + holder.name() + "'");
            }
        }
        Map<Integer, JsonSchema> signalSchemas = new LinkedHashMap<>();
        for (int index = 0; index < definition.steps().size(); index++) {
            StepDefinition step = definition.steps().get(index);
            if (step.waitsForSignal() && step.signalWait().payloadSchema() != null) {
                signalSchemas.put(index, compile("signal schema of step '" + step.name() + "' of capability '"
                        + definition.name() + "'", step.signalWait().payloadSchema()));
            }
        }
        RegisteredCapability registered = new RegisteredCapability(definition, compile("input schema of capability '"
                + definition.name() + "'", definition.inputSchema()), signalSchemas,
                sagaProperties.defaultStepTimeout());
        byName.put(definition.name(), registered);
        definition.intentTypes().forEach(intentType -> byIntentType.put(intentType, registered));
    }

    private JsonSchema compile(String what, String text) {
        JsonNode schema;
        try {
            schema = schemaMapper.readTree(text).require();
        } catch (Exception e) {
            throw new CapabilityRegistrationException(what + " is not JSON: " + e.getMessage(), e);
        }
        List<String> problems = metaSchema.validate(schema).stream().map(ValidationMessage::getMessage).toList();
        if (!problems.isEmpty()) {
            throw new CapabilityRegistrationException(what + " is not valid JSON Schema 2020-12: " + problems);
        }
        try {
            JsonSchema compiled = schemaFactory.getSchema(schema);
            compiled.initializeValidators();
            return compiled;
        } catch (RuntimeException e) {
            throw new CapabilityRegistrationException(what + " cannot be compiled: " + e.getMessage(), e);
        }
    }

    /** The capability that satisfies the given intent type. */
    public Optional<RegisteredCapability> forIntentType(String intentType) {
        return Optional.ofNullable(byIntentType.get(intentType));
    }

    /** The capability with the given name. */
    public Optional<RegisteredCapability> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every registered capability, in registration order. */
    public Collection<RegisteredCapability> all() {
        return List.copyOf(byName.values());
    }
}
