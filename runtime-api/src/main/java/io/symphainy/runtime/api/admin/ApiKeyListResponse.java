package io.symphainy.runtime.api.admin;

import java.util.List;

/**
 * Answer of {@code GET /admin/api-keys}: the tenant's issued keys, oldest first, without keys or hashes.
 */
public record ApiKeyListResponse(List<ApiKeyResponse> apiKeys) {
}
