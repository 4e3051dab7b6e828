package io.symphainy.runtime.api.security;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a credential may do. Controllers require roles with {@code @PreAuthorize("hasRole('SUBMITTER')")}; keys
 * files and JSON bodies spell them in lower case ({@code submitter}).
 */
public enum Role {
    /** Submits intents and reads the executions it started. */
    SUBMITTER,
    /** Decides on pending approvals. */
    APPROVER,
    /** Operates executions: inspects, retries, cancels. */
    OPERATOR,
    /** Reads the audit trail. */
    AUDITOR,
    /** Administers the tenant's configuration. */
    ADMIN;

    private static final String AUTHORITY_PREFIX = "ROLE_";

    /** The Spring Security authority, e.g. {@code ROLE_SUBMITTER}, which {@code hasRole('SUBMITTER')} checks. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    public GrantedAuthority grantedAuthority() {
        return new SimpleGrantedAuthority(authority());
    }

    /** The lower-case name used in keys files and in JSON. */
    @JsonValue
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a lower-case role name as written in a keys file.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is not a role
     */
    public static Role fromExternalName(String name) {
        for (Role role : values()) {
            if (role.externalName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "' (expected one of "
                + Arrays.stream(values()).map(Role::externalName).collect(Collectors.joining(", ")) + ")");
    }
}
