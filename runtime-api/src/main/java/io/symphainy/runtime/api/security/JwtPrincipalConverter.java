package io.symphainy.runtime.api.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a verified JWT into the caller: tenant from claim {@value #TENANT_CLAIM}, user from {@code sub}, roles from
 * claim {@value #ROLES_CLAIM} (lower-case role names; unknown names grant nothing). A token without a tenant or a
 * subject is refused, because every request must be scoped to one tenant and one actor.
 */
public class JwtPrincipalConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    /** The claim naming the caller's tenant. */
    public static final String TENANT_CLAIM = "tenant_id";
    /** The claim listing the caller's roles. */
    public static final String ROLES_CLAIM = "roles";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String tenantId = jwt.getClaimAsString(TENANT_CLAIM);
        if (tenantId == null || tenantId.isBlank()) {
            throw new InvalidBearerTokenException("The bearer token has no " + TENANT_CLAIM + " claim");
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("The bearer token has no sub claim");
        }
        return new RuntimeJwtAuthenticationToken(new RuntimePrincipal(tenantId, subject, roles(jwt)), jwt);
    }

    private static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = jwt.hasClaim(ROLES_CLAIM) ? jwt.getClaimAsStringList(ROLES_CLAIM) : List.of();
        for (String name : names == null ? List.<String>of() : names) {
            for (Role role : Role.values()) {
                if (role.externalName().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
