package io.symphainy.runtime.api.admin;

import io.symphainy.runtime.api.security.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * What an issued API key looks like, and which role names a key may grant.
 */
final class IssuedKeys {

    /** Prefix of every issued key, so that a leaked one is recognisable in scanners and logs. */
    static final String KEY_PREFIX = "symk_";

    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private IssuedKeys() {
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
}
