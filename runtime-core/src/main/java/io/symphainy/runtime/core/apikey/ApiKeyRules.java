package io.symphainy.runtime.core.apikey;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of issued API keys: only a key's hash is ever recorded, and a key grants at least one role.
 */
final class ApiKeyRules {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ApiKeyRules() {
    }

    /** A key grants at least one role; which names are roles is the HTTP layer's to check before it asks. */
    static void requireRoles(List<String> roles) {
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(role -> role == null || role.isBlank())) {
            throw new IllegalArgumentException("an API key must grant at least one named role");
        }
    }

    /** What is recorded is a lower-case hex SHA-256, never anything that could be the key itself. */
    static void requireHash(String keyHash) {
        if (keyHash == null || !SHA_256_HEX.matcher(keyHash).matches()) {
            throw new IllegalArgumentException("an API key is recorded by its lower-case hex SHA-256 hash only");
        }
    }
}
