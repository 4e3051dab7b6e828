package io.symphainy.runtime.api.admin;

import io.symphainy.runtime.api.security.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of issued API keys: what a key looks like, which roles it may carry, and that only its hash is kept.
 */
final class ApiKeyRules {

    /** Prefix of every issued key, so that a leaked one is recognisable in scanners and logs. */
    static final String KEY_PREFIX = "symk_";

    private static final int KEY_BYTES = 32;
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyRules() {
    }

    /** A new key: the prefix and 256 random bits, base64url. */
    static String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Why a role name cannot be granted; empty for the five role names. */
    static Optional<String> roleProblem(String name) {
        try {
            Role.fromExternalName(name);
            return Optional.empty();
        } catch (IllegalArgumentException unknown) {
            return Optional.of(unknown.getMessage());
        }
    }

    /** A key grants at least one role, and only known ones. */
    static void requireRoles(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an API key must grant at least one role");
        }
        roles.forEach(role -> roleProblem(role).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        }));
    }

    /** What is recorded is a lower-case hex SHA-256, never anything that could be the key itself. */
    static void requireHash(String keyHash) {
        if (keyHash == null || !SHA_256_HEX.matcher(keyHash).matches()) {
            throw new IllegalArgumentException("an API key is recorded by its lower-case hex SHA-256 hash only");
        }
    }
}
