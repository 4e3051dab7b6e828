package io.symphainy.runtime.core.apikey.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.util.List;

/**
 * An administrator issued an API key; the event holds its SHA-256 hash, never the key.
 *
 * @param roles   lower-case role names
 * @param keyHash lower-case hex SHA-256 of the key
 */
public record ApiKeyIssuedEvent(
        ApiKeyId keyId,
        TenantId tenantId,
        UserId userId,
        List<String> roles,
        String description,
        String keyHash) {
}
