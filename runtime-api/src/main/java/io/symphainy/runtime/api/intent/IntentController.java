package io.symphainy.runtime.api.intent;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.Role;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.security.TenantGuard;
import io.symphainy.runtime.api.web.RecentWrites;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.IntentId;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import io.symphainy.runtime.core.execution.messages.SubmitIntentCommand;
import io.symphainy.runtime.core.intake.IntentIntake;
import io.symphainy.runtime.core.session.messages.SessionId;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake of intents: the answer comes only after the runtime recorded its decision in the event store.
 */
@RestController
public class IntentController {

    private final IntentIntake intake;
    private final RecentWrites recentWrites;

    IntentController(IntentIntake intake, RecentWrites recentWrites) {
        this.intake = intake;
        this.recentWrites = recentWrites;
    }

    @PostMapping("/intent/submit")
    @PreAuthorize("hasRole('SUBMITTER')")
    public ResponseEntity<IntentAcceptedResponse> submit(RuntimePrincipal caller,
                                                         @Valid @RequestBody SubmitIntentRequest request) {
        TenantGuard.requireSameTenant(caller, request.tenantId());
        IntakeReceipt receipt = intake.submit(new SubmitIntentCommand(IntentId.random(),
                RuntimeCommands.tenantOf(caller), new UserId(caller.userId()), new SessionId(request.sessionId()),
                request.intentType(), request.realm(), orEmpty(request.payload()), orEmpty(request.metadata()),
                request.idempotencyKey(), roleNames(caller), null, request.capabilityVersion()));
        recentWrites.acknowledged(caller.tenantId(), receipt.executionId());
        if (receipt.rejected()) {
            throw rejection(receipt);
        }
        return ResponseEntity.accepted()
                .location(URI.create("/execution/" + receipt.executionId() + "/status"))
                .body(new IntentAcceptedResponse(receipt.executionId(), receipt.intentId(), receipt.status(),
                        receipt.repeated()));
    }

    /** The problem that answers a refused intent, naming the execution recorded for it. */
    public static ProblemException rejection(IntakeReceipt receipt) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("execution_id", receipt.executionId().toString());
        properties.put("intent_id", receipt.intentId().toString());
        if (!receipt.violations().isEmpty()) {
            properties.put("violations", receipt.violations());
        }
        if (receipt.rejectionCode() == RejectionCode.POLICY_DENIED && receipt.policyDecision() != null) {
            properties.put("rule", receipt.policyDecision().rule());
            properties.put("policy_version", receipt.policyDecision().policyVersion());
        }
        return new ProblemException(ProblemCode.valueOf(receipt.rejectionCode().name()), receipt.rejectionDetail(),
                properties);
    }

    /** The caller's roles as policies name them. */
    public static Set<String> roleNames(RuntimePrincipal caller) {
        return caller.roles().stream().map(Role::externalName).collect(Collectors.toSet());
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }
}
