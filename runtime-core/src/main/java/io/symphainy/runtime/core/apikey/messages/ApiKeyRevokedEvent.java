package io.symphainy.runtime.core.apikey.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * An administrator revoked an issued API key.
 */
public record ApiKeyRevokedEvent(ApiKeyId keyId, TenantId tenantId) {
}
