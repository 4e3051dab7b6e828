package io.symphainy.runtime.core.replay;

import io.symphainy.runtime.core.agent.RecordedAnswers;
import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.policy.CommittedPolicies;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import io.symphainy.runtime.core.replay.messages.PolicyComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Re-evaluates an execution's recorded intent against the tenant's current policy, with the recorded submitter and
 * roles and today's risk level of the capability, and compares the outcome with the recorded decision. It records
 * nothing and changes nothing: the recorded decision stays the one that counted.
 */
@Component
class PolicyReevaluation {

    private final CommittedPolicies policies;
    private final Curator curator;
    private final RecordedAnswers answers;

    PolicyReevaluation(CommittedPolicies policies, Curator curator, RecordedAnswers answers) {
        this.policies = policies;
        this.curator = curator;
        this.answers = answers;
    }

    PolicyComparison compare(RecordedEvents events) {
        Recorded intent = recorded(RecordedEvents.payloads(events.execution()));
        List<String> reasons = new ArrayList<>();
        PolicyDecision then = intent.decision();
        reasons.add(then == null ? "no policy decision was recorded: the intent was refused before the policy was"
                + " asked, or recorded before policies existed" : "then: " + describe(then));
        Optional<RegisteredCapability> capability = curator.forIntentType(intent.intentType(), intent.version())
                .or(() -> curator.forIntentType(intent.intentType()));
        if (capability.isEmpty()) {
            reasons.add("today: no capability handles intent type '" + intent.intentType() + "'; not evaluated");
            return new PolicyComparison(name(then), null, then != null, version(then), null, reasons);
        }
        RiskLevel risk = capability.get().definition().effectiveRiskLevel();
        Set<String> roles = then == null ? Set.of() : then.roles();
        PolicySubject subject = new PolicySubject(intent.tenantId(), intent.userId(), roles, intent.intentType(),
                intent.realm(), risk, intent.payload(), capability.get().version());
        PolicyDecision now = decideNow(subject);
        int versionNow = now.policyVersion();
        reasons.add("today: " + describe(now) + " (risk " + risk + ", roles " + roles + ")");
        if (then != null && then.policyVersion() != versionNow) {
            reasons.add("the policy changed from version " + then.policyVersion() + " to " + versionNow);
        }
        boolean differ = !Objects.equals(name(then), name(now));
        Optional<RecordedAnswers.Verdict> citations = answers.judge(capability.get().name(),
                RecordedEvents.payloads(events.saga()), now);
        citations.ifPresent(verdict -> reasons.add(verdict.describe()));
        return new PolicyComparison(name(then), name(now), differ, version(then), versionNow, reasons,
                then == null ? List.of() : then.obligations().stream().sorted().toList(),
                now.obligations().stream().sorted().toList(),
                citations.map(RecordedAnswers.Verdict::wouldPass).orElse(null));
    }

    /** What the intake would decide now: the tenant's latest committed policy version, as the intake reads it. */
    private PolicyDecision decideNow(PolicySubject subject) {
        return policies.decide(subject);
    }

    private static String describe(PolicyDecision decision) {
        return decision.decision() + " by rule " + decision.rule() + " of policy version " + decision.policyVersion();
    }

    private static String name(PolicyDecision decision) {
        return decision == null ? null : decision.decision().name();
    }

    private static Integer version(PolicyDecision decision) {
        return decision == null ? null : decision.policyVersion();
    }

    private static Recorded recorded(List<Object> execution) {
        for (Object event : execution) {
            if (event instanceof IntentAcceptedEvent e) {
                return new Recorded(e.tenantId(), e.userId(), e.intentType(), e.realm(), e.payload(),
                        e.policyDecision(), e.runsVersion());
            }
            if (event instanceof IntentRejectedEvent e) {
                return new Recorded(e.tenantId(), e.userId(), e.intentType(), e.realm(), e.payload(),
                        e.policyDecision(), null);
            }
        }
        throw new IllegalStateException("execution has no recorded intent");
    }

    private record Recorded(TenantId tenantId, UserId userId, String intentType, String realm,
                            Map<String, Object> payload, PolicyDecision decision, String version) {
    }
}
