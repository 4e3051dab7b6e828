package io.symphainy.runtime.api.audit;

import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.ExecutionReads;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.timeline.AuditTimeline;
import io.symphainy.runtime.core.timeline.chain.AuditChain;
import io.symphainy.runtime.core.timeline.chain.ChainVerification;
import io.symphainy.runtime.core.timeline.chain.EvidenceBundle;
import io.symphainy.runtime.core.timeline.messages.TimelineCompleteness;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tamper-evident audit chain over HTTP, for auditors of the caller's tenant: {@code GET /audit/verify}
 * recomputes the tenant's chain from the event store, {@code GET /audit/evidence} exports an execution's entries as
 * an offline-verifiable bundle.
 */
@RestController
public class AuditChainController {

    private final AuditChain chain;
    private final AuditTimeline timeline;
    private final ExecutionReads executions;

    AuditChainController(AuditChain chain, AuditTimeline timeline, ExecutionReads executions) {
        this.chain = chain;
        this.timeline = timeline;
        this.executions = executions;
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasRole('AUDITOR')")
    public AuditVerifyResponse verify(RuntimePrincipal caller) {
        TimelineCompleteness completeness = timeline.completeness();
        ChainVerification verification = chain.verify(caller.tenantId());
        return new AuditVerifyResponse(verification.verified(), verification.valid(), verification.firstBroken(),
                completeness);
    }

    @GetMapping("/audit/evidence")
    @PreAuthorize("hasRole('AUDITOR')")
    public EvidenceBundle evidence(RuntimePrincipal caller, @RequestParam("execution_id") UUID executionId) {
        executions.find(caller, new ExecutionId(executionId));
        return chain.evidence(caller.tenantId(), executionId);
    }
}
