package io.symphainy.runtime.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A caller authenticated by a bearer JWT: the same {@link RuntimePrincipal} an API key yields, so controllers do not
 * see how the caller authenticated.
 */
public final class RuntimeJwtAuthenticationToken extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final RuntimePrincipal principal;
    private final transient Jwt token;

    RuntimeJwtAuthenticationToken(RuntimePrincipal principal, Jwt token) {
        super(principal.authorities());
        this.principal = principal;
        this.token = token;
        super.setAuthenticated(true);
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public RuntimePrincipal getPrincipal() {
        return principal;
    }

    /** The user id, which Spring Security and logs use as the caller's name. */
    @Override
    public String getName() {
        return principal.userId();
    }
}
