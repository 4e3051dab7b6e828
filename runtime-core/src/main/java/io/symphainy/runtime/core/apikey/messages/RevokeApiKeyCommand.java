package io.symphainy.runtime.core.apikey.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Revokes an issued API key: requests presenting it are refused from then on.
 */
public record RevokeApiKeyCommand(@TargetAggregateIdentifier ApiKeyId keyId, TenantId tenantId) {
}
