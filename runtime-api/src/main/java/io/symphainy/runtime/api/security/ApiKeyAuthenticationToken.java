package io.symphainy.runtime.api.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API key on its way through authentication: unauthenticated it carries only the presented key; authenticated
 * it carries the {@link RuntimePrincipal} and its role authorities, and no longer the key.
 */
public final class ApiKeyAuthenticationToken extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final RuntimePrincipal principal;
    private String presentedKey;

    private ApiKeyAuthenticationToken(String presentedKey) {
        super(List.of());
        this.principal = null;
        this.presentedKey = presentedKey;
        setAuthenticated(false);
    }

    private ApiKeyAuthenticationToken(RuntimePrincipal principal) {
        super(principal.authorities());
        this.principal = principal;
        this.presentedKey = null;
        super.setAuthenticated(true);
    }

    public static ApiKeyAuthenticationToken unauthenticated(String presentedKey) {
        return new ApiKeyAuthenticationToken(presentedKey);
    }

    public static ApiKeyAuthenticationToken authenticated(RuntimePrincipal principal) {
        return new ApiKeyAuthenticationToken(principal);
    }

    /** The presented key before authentication; null afterwards. */
    @Override
    public String getCredentials() {
        return presentedKey;
    }

    /** The caller after authentication; null before. */
    @Override
    public RuntimePrincipal getPrincipal() {
        return principal;
    }

    /** The user id, which Spring Security and logs use as the caller's name. */
    @Override
    public String getName() {
        return principal == null ? "" : principal.userId();
    }

    /** Refuses to be marked authenticated from outside, so only {@link #authenticated} can create one. */
    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated) {
            throw new IllegalArgumentException("Use ApiKeyAuthenticationToken.authenticated(principal)");
        }
        super.setAuthenticated(false);
    }

    @Override
    public void eraseCredentials() {
        super.eraseCredentials();
        presentedKey = null;
    }
}
