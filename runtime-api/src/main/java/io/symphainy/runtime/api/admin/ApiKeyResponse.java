package io.symphainy.runtime.api.admin;

import io.symphainy.runtime.core.apikey.messages.ApiKeyView;
import java.time.Instant;
import java.util.List;

/**
 * An issued API key as the HTTP contract shows it. The {@code key} is present only in the answer to its issuance,
 * the one time it is shown.
 */
public record ApiKeyResponse(
        String keyId,
        String key,
        String tenantId,
        String userId,
        List<String> roles,
        String description,
        Instant issuedAt,
        Instant revokedAt) {

    static ApiKeyResponse of(ApiKeyView view) {
        return withKey(view, null);
    }

    static ApiKeyResponse withKey(ApiKeyView view, String key) {
        return new ApiKeyResponse(view.keyId().toString(), key, view.tenantId().value(), view.userId().value(),
                view.roles(), view.description(), view.issuedAt(), view.revokedAt());
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "ApiKeyResponse[keyId=" + keyId + ", tenantId=" + tenantId + ", userId=" + userId + ", roles=" + roles
                + "]";
    }
}
