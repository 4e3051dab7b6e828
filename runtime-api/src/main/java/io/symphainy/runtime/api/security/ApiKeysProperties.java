package io.symphainy.runtime.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the runtime finds its API keys, bound from {@code runtime.*}.
 *
 * @param apiKeysFile path of the YAML or JSON keys file ({@code RUNTIME_API_KEYS_FILE}); empty means none, which is
 *                    only allowed in quick-start mode
 */
@ConfigurationProperties(prefix = "runtime")
public record ApiKeysProperties(String apiKeysFile) {

    public boolean hasApiKeysFile() {
        return apiKeysFile != null && !apiKeysFile.isBlank();
    }
}
