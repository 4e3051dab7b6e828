package io.symphainy.runtime.api.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.type.classreading.MetadataReader;

/**
 * The settings the runtime reads, found in its code and its property files rather than listed by hand: every leaf
 * of its {@code @ConfigurationProperties} records (kebab-case, with their {@code @DefaultValue}s), every
 * {@code ${…}} placeholder of an {@code @Value}, every {@code @ConditionalOnProperty}, and every key of the property
 * files the runtime ships. Settings of Spring and other libraries are known from their configuration metadata.
 */
final class RuntimeSettings {

    /** A setting: its property name, the defaults the runtime gives it, and its environment variable. */
    record Setting(String name, Set<String> defaults, String environmentVariable) {
    }

    private static final String BASE_PACKAGE = "io.symphainy.runtime";
    private static final String RUNTIME_PREFIX = "runtime.";
    /** The property files of runtime-api and runtime-core, in the order Spring reads them. */
    private static final List<String> YAML_FILES = List.of("application.yml", "application-axonserver.yml");
    private static final List<String> PROPERTIES_FILES = List.of("runtime-core-defaults.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    private static final Pattern ENVIRONMENT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private final Map<String, Setting> settings = new TreeMap<>();
    private final Set<String> libraryProperties = new TreeSet<>();

    private RuntimeSettings() {
    }

    static RuntimeSettings discover() {
        RuntimeSettings found = new RuntimeSettings();
        for (Class<?> type : mainClasses()) {
            found.readBindings(type);
            found.readInjections(type);
        }
        found.readPropertyFiles();
        found.libraryProperties.addAll(springMetadataNames());
        return found;
    }

    /** The {@code runtime.*} settings the runtime reads. */
    Map<String, Setting> runtimeSettings() {
        Map<String, Setting> runtime = new TreeMap<>(settings);
        runtime.keySet().removeIf(name -> !name.startsWith(RUNTIME_PREFIX));
        return runtime;
    }

    /** Whether a property is read by the runtime, set by its property files, or known to a library it uses. */
    boolean exists(String property) {
        return settings.containsKey(property) || libraryProperties.contains(property);
    }

    /** What the runtime knows of a property: its defaults and environment variable. */
    Setting describe(String property) {
        return settings.getOrDefault(property, new Setting(property, Set.of(), canonicalVariable(property)));
    }

    static String canonicalVariable(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private void readBindings(Class<?> type) {
        ConfigurationProperties binding = type.getAnnotation(ConfigurationProperties.class);
        if (binding == null) {
            return;
        }
        readRecord(type, binding.prefix().isEmpty() ? binding.value() : binding.prefix());
    }

    private void readRecord(Class<?> type, String prefix) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " binds " + prefix + " but is not a record; teach "
                    + RuntimeSettings.class.getSimpleName() + " to read its properties");
        }
        RecordComponent[] components = type.getRecordComponents();
        Parameter[] parameters = canonicalConstructor(type, components).getParameters();
        for (int i = 0; i < components.length; i++) {
            String name = prefix + "." + kebabCase(components[i].getName());
            Class<?> componentType = components[i].getType();
            if (componentType.isRecord() && componentType.getName().startsWith(BASE_PACKAGE)) {
                readRecord(componentType, name);
                continue;
            }
            DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
            add(name, defaultValue == null ? null : String.join(",", defaultValue.value()), null);
        }
    }

    private void readInjections(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(type);
        elements.addAll(Arrays.asList(type.getDeclaredFields()));
        Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
                .forEach(executable -> {
                    elements.add(executable);
                    elements.addAll(Arrays.asList(executable.getParameters()));
                });
        for (AnnotatedElement element : elements) {
            Value value = element.getAnnotation(Value.class);
            if (value != null) {
                Matcher placeholder = PLACEHOLDER.matcher(value.value());
                while (placeholder.find()) {
                    add(placeholder.group(1), placeholder.group(2), null);
                }
            }
            ConditionalOnProperty condition = element.getAnnotation(ConditionalOnProperty.class);
            if (condition != null) {
                String prefix = condition.prefix().isEmpty() ? "" : condition.prefix() + ".";
                Stream.concat(Arrays.stream(condition.name()), Arrays.stream(condition.value()))
                        .forEach(name -> add(prefix + name, null, null));
            }
        }
    }

    private void readPropertyFiles() {
        Map<String, Object> values = new TreeMap<>();
        try {
            for (String file : YAML_FILES) {
                new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).forEach(source -> {
                    EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
                    for (String name : enumerable.getPropertyNames()) {
                        values.put(name, enumerable.getProperty(name));
                    }
                });
            }
            for (String file : PROPERTIES_FILES) {
                Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource(file));
                properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        values.forEach((name, value) -> {
            Matcher placeholder = ENVIRONMENT_PLACEHOLDER.matcher(String.valueOf(value));
            if (placeholder.matches()) {
                add(name, placeholder.group(2), placeholder.group(1));
            } else if (!String.valueOf(value).contains("${")) {
                add(name, String.valueOf(value), null);
            } else {
                add(name, null, null);
                Matcher reference = PLACEHOLDER.matcher(String.valueOf(value));
                while (reference.find()) {
                    if (reference.group(1).startsWith(RUNTIME_PREFIX)) {
                        add(reference.group(1), reference.group(2), null);
                    }
                }
            }
        });
    }

    private void add(String name, String defaultValue, String environmentVariable) {
        Setting known = settings.get(name);
        Set<String> defaults = new LinkedHashSet<>(known == null ? Set.of() : known.defaults());
        if (defaultValue != null && !defaultValue.isBlank()) {
            defaults.add(defaultValue);
        }
        String variable = environmentVariable != null ? environmentVariable
                : known != null ? known.environmentVariable() : canonicalVariable(name);
        settings.put(name, new Setting(name, Collections.unmodifiableSet(defaults), variable));
    }

    private static Constructor<?> canonicalConstructor(Class<?> type, RecordComponent[] components) {
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Every class of the runtime's main code (test classes on the classpath left out). */
    private static List<Class<?>> mainClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            /** Every class, whatever its conditions say: a conditional bean still reads its settings when on. */
            @Override
            protected boolean isCandidateComponent(MetadataReader reader) {
                return true;
            }

            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        List<Class<?>> classes = new ArrayList<>();
        ClassLoader loader = RuntimeSettings.class.getClassLoader();
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName(), false, loader);
                String location = type.getProtectionDomain().getCodeSource().getLocation().toString();
                if (!location.contains("test-classes") && !location.endsWith("-tests.jar")) {
                    classes.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    private static Set<String> springMetadataNames() {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (String file : List.of("META-INF/spring-configuration-metadata.json",
                    "META-INF/additional-spring-configuration-metadata.json")) {
                Enumeration<URL> resources = RuntimeSettings.class.getClassLoader().getResources(file);
                while (resources.hasMoreElements()) {
                    try (InputStream metadata = resources.nextElement().openStream()) {
                        for (JsonNode property : json.readTree(metadata).path("properties")) {
                            names.add(property.path("name").asText());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
