package io.symphainy.runtime.api.quota;

import io.symphainy.runtime.api.error.FieldViolation;
import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.error.Problems;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.security.TenantGuard;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.quota.QuotaRules;
import io.symphainy.runtime.core.quota.TenantQuotaGuard;
import io.symphainy.runtime.core.quota.TenantQuotas;
import io.symphainy.runtime.core.quota.messages.SetTenantQuotaCommand;
import io.symphainy.runtime.core.quota.messages.TenantQuotaId;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quota of the administrator's own tenant: read it, and set it (recorded as an event, so it shows in the tenant's
 * audit timeline). No route names a tenant: another tenant's quota can be neither read nor set.
 */
@RestController
public class QuotaController {

    private final RuntimeCommands commands;
    private final TenantQuotas quotas;
    private final TenantQuotaGuard guard;

    QuotaController(RuntimeCommands commands, TenantQuotas quotas, TenantQuotaGuard guard) {
        this.commands = commands;
        this.quotas = quotas;
        this.guard = guard;
    }

    @GetMapping("/admin/quota")
    @PreAuthorize("hasRole('ADMIN')")
    public QuotaResponse read(RuntimePrincipal caller) {
        return current(RuntimeCommands.tenantOf(caller));
    }

    @PutMapping("/admin/quota")
    @PreAuthorize("hasRole('ADMIN')")
    public QuotaResponse set(RuntimePrincipal caller, @Valid @RequestBody QuotaRequest request) {
        TenantGuard.requireSameTenant(caller, request.tenantId());
        List<FieldViolation> violations = QuotaRules.violations(request.limits()).stream()
                .map(wrong -> new FieldViolation(wrong.limit(), wrong.problem())).toList();
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, ProblemCode.INVALID_REQUEST.defaultDetail(),
                    Map.of(Problems.ERRORS_PROPERTY, violations));
        }
        TenantId tenant = RuntimeCommands.tenantOf(caller);
        commands.send(caller, null, new SetTenantQuotaCommand(TenantQuotaId.forTenant(tenant), tenant,
                request.limits()));
        return current(tenant);
    }

    private QuotaResponse current(TenantId tenant) {
        return QuotaResponse.of(tenant.value(), quotas.effective(tenant), guard.usage(tenant));
    }
}
