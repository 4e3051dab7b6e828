package io.symphainy.runtime.api.policy;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.Role;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.policy.InvalidPolicyException;
import io.symphainy.runtime.core.policy.CommittedPolicies;
import io.symphainy.runtime.core.policy.PolicyDocumentParser;
import io.symphainy.runtime.core.policy.PolicyDocumentWriter;
import io.symphainy.runtime.core.policy.messages.FindCurrentPolicyQuery;
import io.symphainy.runtime.core.policy.messages.FindPolicyVersionQuery;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import io.symphainy.runtime.core.policy.messages.PolicyVersionView;
import io.symphainy.runtime.core.policy.messages.PublishPolicyCommand;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's policy: publishing new versions (YAML or JSON), reading current and past versions, and dry runs that
 * show what the latest committed version would decide about an intent, read as the intake reads it (a version
 * published a moment ago already counts).
 */
@RestController
public class PolicyController {

    private final RuntimeCommands commands;
    private final QueryGateway queries;
    private final Curator curator;
    private final CommittedPolicies policies;

    PolicyController(RuntimeCommands commands, QueryGateway queries, Curator curator, CommittedPolicies policies) {
        this.commands = commands;
        this.queries = queries;
        this.curator = curator;
        this.policies = policies;
    }

    @PutMapping(path = "/policy", consumes = {"application/json", "application/yaml", "application/x-yaml",
            "text/yaml", "text/x-yaml"})
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<PolicyPublishedResponse> publish(RuntimePrincipal caller, @RequestBody String body) {
        PolicyDocument document;
        try {
            document = PolicyDocumentParser.parse(body);
        } catch (InvalidPolicyException invalid) {
            throw PolicyProblems.invalid(invalid);
        }
        int version = commands.send(caller, null, new PublishPolicyCommand(RuntimeCommands.tenantOf(caller),
                document, new UserId(caller.userId())));
        return ResponseEntity.created(URI.create("/policy/versions/" + version))
                .body(new PolicyPublishedResponse(version, caller.userId(), PolicyDocumentWriter.write(document)));
    }

    @GetMapping("/policy")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'AUDITOR')")
    public PolicyVersionView current(RuntimePrincipal caller) {
        return currentVersion(caller).orElseThrow(() -> new ProblemException(ProblemCode.POLICY_NOT_FOUND,
                "tenant " + caller.tenantId() + " has published no policy"));
    }

    @GetMapping("/policy/versions/{version}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'AUDITOR')")
    public PolicyVersionView version(RuntimePrincipal caller, @PathVariable("version") int version) {
        return queries.query(new FindPolicyVersionQuery(RuntimeCommands.tenantOf(caller), version),
                        ResponseTypes.optionalInstanceOf(PolicyVersionView.class)).join()
                .orElseThrow(() -> new ProblemException(ProblemCode.POLICY_NOT_FOUND,
                        "policy version " + version + " not found"));
    }

    @PostMapping("/policy/evaluate")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public PolicyEvaluationResponse evaluate(RuntimePrincipal caller,
                                             @Valid @RequestBody PolicyEvaluationRequest request) {
        RegisteredCapability capability = curator.forIntentType(request.intentType())
                .orElseThrow(() -> new ProblemException(ProblemCode.UNKNOWN_INTENT_TYPE,
                        "no capability handles intent type '" + request.intentType() + "'"));
        String userId = request.userId() == null ? caller.userId() : request.userId();
        Set<String> roles = request.roles() == null
                ? caller.roles().stream().map(Role::externalName).collect(Collectors.toSet()) : request.roles();
        RiskLevel risk = capability.definition().effectiveRiskLevel();
        PolicySubject subject = new PolicySubject(RuntimeCommands.tenantOf(caller), new UserId(userId), roles,
                request.intentType(), request.realm() == null ? capability.definition().realm() : request.realm(),
                risk, request.payload() == null ? Map.of() : request.payload(), capability.version());
        PolicyDecision decision = policies.decide(subject);
        return new PolicyEvaluationResponse(decision.decision().name(), decision.rule(), decision.policyVersion(),
                decision.approvalTimeout() == null ? null : decision.approvalTimeout().toString(), userId,
                decision.roles(), risk.name(), decision.obligations());
    }

    private Optional<PolicyVersionView> currentVersion(RuntimePrincipal caller) {
        return queries.query(new FindCurrentPolicyQuery(RuntimeCommands.tenantOf(caller)),
                ResponseTypes.optionalInstanceOf(PolicyVersionView.class)).join();
    }
}
