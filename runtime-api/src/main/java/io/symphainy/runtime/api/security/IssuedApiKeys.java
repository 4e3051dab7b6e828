package io.symphainy.runtime.api.security;

import java.util.Optional;

/**
 * API keys issued at run time by administrators, looked up after the keys of the keys file.
 */
public interface IssuedApiKeys {

    /**
     * The principal of a valid (issued and not revoked) key.
     *
     * @param keyHash the lower-case hex SHA-256 of the presented key, as {@link ApiKeyRegistry#hash} computes it
     */
    Optional<RuntimePrincipal> lookup(String keyHash);
}
