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
import io.symphainy.runtime.core.capability.spi.CapabilityVersions;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.config.SagaProperties;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The registry of capabilities: every {@link CapabilityDefinition} bean, checked and registered at start-up, keyed by
 * name and version. Several versions of one capability may be registered side by side: a new intent gets the newest
 * (or the one it asks for), an accepted execution always the one it was accepted with.
 */
@Component
public class Curator {

    private static final Logger log = LoggerFactory.getLogger(Curator.class);

    private final Map<String, NavigableMap<String, RegisteredCapability>> byName = new LinkedHashMap<>();
    private final Map<String, String> capabilityOfIntentType = new LinkedHashMap<>();
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
        log.info("Curator registered {} capabilities: {}", byName.size(), byName.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue().keySet()).toList());
    }

    /**
     * Registers one version of a capability. Versions of one capability sit side by side; an intent type belongs to
     * one capability, whose versions may share it.
     */
    private void register(CapabilityDefinition definition, SagaProperties sagaProperties) {
        CapabilityRules.check(definition);
        NavigableMap<String, RegisteredCapability> versions = byName.get(definition.name());
        if (versions != null && versions.containsKey(definition.version())) {
            throw new CapabilityRegistrationException("capability '" + definition.name() + "' version "
                    + definition.version() + " is registered twice; a capability's versions must differ");
        }
        for (String intentType : definition.intentTypes()) {
            String holder = capabilityOfIntentType.get(intentType);
            if (holder != null && !holder.equals(definition.name())) {
                throw new CapabilityRegistrationException("intent type '" + intentType + "' of capability '"
                        + definition.name() + "' is already handled by capability '" + holder + "'");
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
        byName.computeIfAbsent(definition.name(), name -> new TreeMap<>(CapabilityVersions.OLDEST_FIRST))
                .put(definition.version(), registered);
        definition.intentTypes().forEach(intentType -> capabilityOfIntentType.put(intentType, definition.name()));
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

    /** The newest version of the capability that satisfies the given intent type. */
    public Optional<RegisteredCapability> forIntentType(String intentType) {
        return Optional.ofNullable(capabilityOfIntentType.get(intentType)).flatMap(this::named);
    }

    /** The given version of the capability that satisfies the intent type; the newest when the version is null. */
    public Optional<RegisteredCapability> forIntentType(String intentType, String version) {
        return Optional.ofNullable(capabilityOfIntentType.get(intentType))
                .flatMap(name -> version == null ? named(name) : named(name, version));
    }

    /** The newest registered version of the capability with the given name. */
    public Optional<RegisteredCapability> named(String name) {
        NavigableMap<String, RegisteredCapability> versions = byName.get(name);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    /** The given version of the named capability; a null version is the one recorded before versions existed. */
    public Optional<RegisteredCapability> named(String name, String version) {
        NavigableMap<String, RegisteredCapability> versions = byName.get(name);
        String wanted = CapabilityVersions.orDefault(version);
        return versions == null || !CapabilityVersions.isValid(wanted) ? Optional.empty()
                : Optional.ofNullable(versions.get(wanted));
    }

    /** Every registered version of the named capability, newest first; empty when it is not registered. */
    public List<RegisteredCapability> versionsOf(String name) {
        NavigableMap<String, RegisteredCapability> versions = byName.get(name);
        return versions == null ? List.of() : List.copyOf(versions.descendingMap().values());
    }

    /** The newest version of every registered capability, in registration order. */
    public Collection<RegisteredCapability> all() {
        return byName.values().stream().map(versions -> versions.lastEntry().getValue()).toList();
    }
}
