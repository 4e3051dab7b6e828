package io.symphainy.runtime.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * Decides where the API keys come from at start-up: the operator's keys file, or, only in quick-start mode, the
 * development keys bundled with the application. Any problem stops start-up, because a runtime that cannot
 * authenticate anyone, or that silently accepts public development keys, is worse than one that does not start.
 */
public final class ApiKeyRegistryLoader {

    /** The property that switches on quick-start mode (embedded database, development keys). */
    public static final String QUICK_START_PROPERTY = "runtime.embedded-database.enabled";

    /** Classpath location of the development keys; they are public, so only quick-start mode may use them. */
    public static final String DEV_KEYS_RESOURCE = "dev-api-keys.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyRegistryLoader.class);

    private ApiKeyRegistryLoader() {
    }

    /**
     * @param properties     names the operator's keys file, if any
     * @param quickStartMode whether {@value #QUICK_START_PROPERTY} is true
     * @throws IllegalStateException when no keys file is configured outside quick-start mode, or the keys are invalid
     */
    public static ApiKeyRegistry load(ApiKeysProperties properties, boolean quickStartMode) {
        if (properties.hasApiKeysFile()) {
            ApiKeyRegistry registry = fromFile(Path.of(properties.apiKeysFile().strip()));
            LOG.info("Loaded {} API keys for tenants {} from {}", registry.size(), registry.tenants(),
                    properties.apiKeysFile());
            return registry;
        }
        if (!quickStartMode) {
            throw new IllegalStateException("No API keys configured: set RUNTIME_API_KEYS_FILE (property "
                    + "runtime.api-keys-file) to a YAML or JSON file listing {key, tenant_id, user_id, roles} entries. "
                    + "The bundled development keys are only used in quick-start mode (" + QUICK_START_PROPERTY
                    + "=true).");
        }
        ApiKeyRegistry registry = fromClasspath();
        LOG.warn("Using the bundled DEVELOPMENT API keys ({}) for tenants {}: they are public and must never protect "
                + "real data. Set RUNTIME_API_KEYS_FILE to use your own keys.", DEV_KEYS_RESOURCE, registry.tenants());
        return registry;
    }

    static ApiKeyRegistry fromFile(Path file) {
        try {
            return ApiKeyRegistry.of(file.toString(), ApiKeyFileReader.read(file.toString(), Files.readAllBytes(file)));
        } catch (NoSuchFileException missing) {
            throw new IllegalStateException("API keys file " + file + " (RUNTIME_API_KEYS_FILE) does not exist",
                    missing);
        } catch (IOException unreadable) {
            throw new IllegalStateException("API keys file " + file + " (RUNTIME_API_KEYS_FILE) cannot be read: "
                    + unreadable.getMessage(), unreadable);
        }
    }

    private static ApiKeyRegistry fromClasspath() {
        ClassPathResource resource = new ClassPathResource(DEV_KEYS_RESOURCE);
        try (InputStream in = resource.getInputStream()) {
            return ApiKeyRegistry.of(DEV_KEYS_RESOURCE, ApiKeyFileReader.read(DEV_KEYS_RESOURCE, in.readAllBytes()));
        } catch (IOException missing) {
            throw new IllegalStateException("The development keys " + DEV_KEYS_RESOURCE
                    + " are missing from the classpath", missing);
        }
    }
}
