package io.symphainy.runtime.core.apikey.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues an API key of the tenant for a user with roles. Only the key's SHA-256 hash travels; the plaintext is shown
 * to the administrator once and never recorded.
 *
 * @param roles   lower-case role names
 * @param keyHash lower-case hex SHA-256 of the key
 */
public record IssueApiKeyCommand(
        @TargetAggregateIdentifier ApiKeyId keyId,
        TenantId tenantId,
        UserId userId,
        List<String> roles,
        String description,
        String keyHash) {
}
