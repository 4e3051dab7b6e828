package io.symphainy.runtime.api.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Authenticates API keys against the {@link ApiKeyRegistry} of the keys file, then against the keys administrators
 * issued, when there are any. Being an {@link AuthenticationProvider} bean also stops Spring Boot from creating its
 * default user with a generated password.
 */
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyRegistry registry;
    private final IssuedApiKeys issuedKeys;

    public ApiKeyAuthenticationProvider(ApiKeyRegistry registry) {
        this(registry, keyHash -> Optional.empty());
    }

    public ApiKeyAuthenticationProvider(ApiKeyRegistry registry, IssuedApiKeys issuedKeys) {
        this.registry = registry;
        this.issuedKeys = issuedKeys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presentedKey = ((ApiKeyAuthenticationToken) authentication).getCredentials();
        return registry.lookup(presentedKey)
                .or(() -> presentedKey == null || presentedKey.isBlank() ? Optional.empty()
                        : issuedKeys.lookup(ApiKeyRegistry.hash(presentedKey)))
                .map(ApiKeyAuthenticationToken::authenticated)
                .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
