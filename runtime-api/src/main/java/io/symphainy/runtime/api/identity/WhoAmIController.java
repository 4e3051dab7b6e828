package io.symphainy.runtime.api.identity;

import io.symphainy.runtime.api.security.Role;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells a caller who its credential says it is, so a client such as the console can show the tenant and offer only
 * what the roles allow.
 */
@RestController
public class WhoAmIController {

    /** The caller's tenant, user and roles. */
    public record Identity(String tenantId, String userId, List<Role> roles) {
    }

    @GetMapping("/whoami")
    @PreAuthorize("isAuthenticated()")
    public Identity whoAmI(RuntimePrincipal caller) {
        return new Identity(caller.tenantId(), caller.userId(), List.copyOf(caller.roles()));
    }
}
