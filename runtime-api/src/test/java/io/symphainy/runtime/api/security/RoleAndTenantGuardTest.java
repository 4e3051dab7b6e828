package io.symphainy.runtime.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class RoleAndTenantGuardTest {

    private static final RuntimePrincipal ALICE = new RuntimePrincipal("tenant-a", "alice",
            Set.of(Role.SUBMITTER, Role.ADMIN));

    @Test
    void rolesMapToSpringAuthoritiesAndLowerCaseNames() {
        assertThat(Role.SUBMITTER.authority()).isEqualTo("ROLE_SUBMITTER");
        assertThat(Role.fromExternalName("approver")).isEqualTo(Role.APPROVER);
        assertThat(Role.AUDITOR.externalName()).isEqualTo("auditor");
        assertThat(ALICE.authorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_SUBMITTER", "ROLE_ADMIN");
        assertThatThrownBy(() -> Role.fromExternalName("root")).hasMessageContaining("unknown role 'root'");
    }

    @Test
    void principalRolesAreImmutable() {
        assertThatThrownBy(() -> ALICE.roles().add(Role.OPERATOR)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ALICE.hasRole(Role.ADMIN)).isTrue();
        assertThat(ALICE.hasRole(Role.OPERATOR)).isFalse();
    }

    @Test
    void sameOrAbsentTenantPasses() {
        assertThatCode(() -> TenantGuard.requireSameTenant(ALICE, "tenant-a")).doesNotThrowAnyException();
        assertThatCode(() -> TenantGuard.requireSameTenant(ALICE, null)).doesNotThrowAnyException();
    }

    @Test
    void otherTenantIsTenantMismatch() {
        assertThatThrownBy(() -> TenantGuard.requireSameTenant(ALICE, "tenant-b"))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.code()).isEqualTo(ProblemCode.TENANT_MISMATCH));
        assertThatThrownBy(() -> TenantGuard.requireSameTenant(ALICE, ""))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void authenticatedTokenCarriesPrincipalButNoKey() {
        ApiKeyAuthenticationToken token = ApiKeyAuthenticationToken.authenticated(ALICE);

        assertThat(token.isAuthenticated()).isTrue();
        assertThat(token.getCredentials()).isNull();
        assertThat(token.getName()).isEqualTo("alice");
        assertThat(ApiKeyAuthenticationToken.unauthenticated("k").isAuthenticated()).isFalse();
        assertThatThrownBy(() -> ApiKeyAuthenticationToken.unauthenticated("k").setAuthenticated(true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
