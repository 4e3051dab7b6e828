package io.symphainy.runtime.core.apikey.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.time.Instant;
import java.util.List;

/**
 * An issued API key as readers see it: neither the key nor its hash.
 *
 * @param revokedAt when it was revoked; null while it is valid
 */
public record ApiKeyView(
        ApiKeyId keyId,
        TenantId tenantId,
        UserId userId,
        List<String> roles,
        String description,
        Instant issuedAt,
        Instant revokedAt) {
}
