package io.symphainy.runtime.core.policy;

import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyId;
import io.symphainy.runtime.core.policy.messages.PolicyMatch;
import io.symphainy.runtime.core.policy.messages.PolicyPublishedEvent;
import io.symphainy.runtime.core.policy.messages.PolicyRule;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import io.symphainy.runtime.core.policy.messages.PublishPolicyCommand;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static final PolicyId POLICY_ID = PolicyId.forTenant(TENANT);
    private static final PolicyDocument DENY_HIGH = new PolicyDocument(List.of(new PolicyRule("deny-high",
            Decision.DENY, new PolicyMatch(null, RiskLevel.HIGH, null, null, null, null, null, null, null), null)),
            Decision.ALLOW);
    private static final PolicyDocument DENY_ALL = new PolicyDocument(List.of(), Decision.DENY);

    private FixtureConfiguration<Policy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Policy.class);
    }

    @Test
    void theFirstPublicationCreatesVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new PublishPolicyCommand(TENANT, DENY_HIGH, USER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1)
                .expectEvents(new PolicyPublishedEvent(POLICY_ID, TENANT, 1, DENY_HIGH, USER));
    }

    @Test
    void eachPublicationIsTheNextVersion() {
        fixture.given(new PolicyPublishedEvent(POLICY_ID, TENANT, 1, DENY_HIGH, USER),
                        new PolicyPublishedEvent(POLICY_ID, TENANT, 2, DENY_ALL, USER))
                .when(new PublishPolicyCommand(TENANT, DENY_HIGH, USER))
                .expectResultMessagePayload(3)
                .expectEvents(new PolicyPublishedEvent(POLICY_ID, TENANT, 3, DENY_HIGH, USER));
    }

    @Test
    void theLatestVersionDecides() {
        fixture.given(new PolicyPublishedEvent(POLICY_ID, TENANT, 1, DENY_ALL, USER),
                        new PolicyPublishedEvent(POLICY_ID, TENANT, 2, DENY_HIGH, USER))
                .when(new PublishPolicyCommand(TENANT, DENY_HIGH, USER))
                .expectState(policy -> {
                    PolicyDecision decision = policy.decide(subject(RiskLevel.MEDIUM), Decision.DENY);
                    assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
                    assertThat(decision.rule()).isEqualTo(PolicyRules.DEFAULT_RULE);
                    assertThat(decision.policyVersion()).isEqualTo(3);
                    assertThat(policy.decide(subject(RiskLevel.HIGH), Decision.ALLOW).rule()).isEqualTo("deny-high");
                });
    }

    @Test
    void theIdIsDerivedFromTheTenant() {
        assertThat(new PublishPolicyCommand(TENANT, DENY_ALL, USER).policyId()).isEqualTo(POLICY_ID);
        assertThat(POLICY_ID.toString()).isEqualTo("policy:" + TENANT.value());
    }

    private static PolicySubject subject(RiskLevel risk) {
        return new PolicySubject(TENANT, USER, Set.of("submitter"), "orders.place", "orders", risk, Map.of());
    }
}
