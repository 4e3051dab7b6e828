package io.symphainy.runtime.api.security;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling: the tenant and user an API key is bound to and the roles it grants. Controllers receive it as a
 * method parameter and must scope every read and write to {@link #tenantId()}.
 *
 * @param tenantId the only tenant whose data the caller may see or change
 * @param userId   the person or system the key was issued to, recorded as the actor of what they do
 * @param roles    what the caller may do; never empty for a key loaded from a keys file
 */
public record RuntimePrincipal(String tenantId, String userId, Set<Role> roles) implements Serializable {

    public RuntimePrincipal {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The Spring Security authorities of {@link #roles()}, in declaration order of {@link Role}. */
    public List<GrantedAuthority> authorities() {
        return roles.stream().map(Role::grantedAuthority).toList();
    }
}
