package io.symphainy.runtime.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of an API keys file as written by the operator, before validation; the plaintext key lives only as
 * long as start-up needs to hash it.
 */
record ApiKeyFileEntry(
        @JsonProperty("key") String key,
        @JsonProperty("tenant_id") String tenantId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("roles") List<String> roles) {

    /** Never prints the key, so that a logged entry cannot leak it. */
    @Override
    public String toString() {
        return "ApiKeyFileEntry[tenant_id=" + tenantId + ", user_id=" + userId + ", roles=" + roles + "]";
    }
}
