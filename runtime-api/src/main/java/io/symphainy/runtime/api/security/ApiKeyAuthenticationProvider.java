package io.symphainy.runtime.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Authenticates API keys against the {@link ApiKeyRegistry}. Being an {@link AuthenticationProvider} bean also
 * stops Spring Boot from creating its default user with a generated password.
 */
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyRegistry registry;

    public ApiKeyAuthenticationProvider(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presentedKey = ((ApiKeyAuthenticationToken) authentication).getCredentials();
        return registry.lookup(presentedKey)
                .map(ApiKeyAuthenticationToken::authenticated)
                .orElseThrow(() -> new BadCredentialsException("Unknown API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
