package io.symphainy.runtime.api.security;

import io.symphainy.runtime.core.apikey.ApiKeyTable;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Authenticates keys that administrators issued at run time, from the core's projection of issued keys; role
 * names the HTTP layer does not know are ignored rather than granted.
 */
@Component
class IssuedApiKeyLookup implements IssuedApiKeys {

    private final ApiKeyTable keys;

    IssuedApiKeyLookup(ApiKeyTable keys) {
        this.keys = keys;
    }

    @Override
    public Optional<RuntimePrincipal> lookup(String keyHash) {
        return keys.findActive(keyHash).map(key -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : key.roles()) {
                try {
                    roles.add(Role.fromExternalName(name));
                } catch (IllegalArgumentException unknown) {
                    // A role the runtime no longer knows grants nothing.
                }
            }
            return new RuntimePrincipal(key.tenantId().value(), key.userId().value(), roles);
        });
    }
}
