package io.symphainy.runtime.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyId;
import io.symphainy.runtime.core.policy.messages.PolicyPublishedEvent;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import io.symphainy.runtime.core.policy.messages.PublishPolicyCommand;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The policy the intake decides with, on PostgreSQL: this node's publications count at once, another node's once the
 * remembered version is older than the reload time.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {"runtime.policy.default-decision=ALLOW",
        "runtime.policy.reload-after=300ms"})
@WithTestDatabase
class CommittedPoliciesTest {

    private final UserId admin = new UserId("ada");

    @Autowired
    CommittedPolicies policies;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    TransactionManager transactions;

    @Test
    void aTenantWithoutAPolicyGetsTheConfiguredFallback() {
        PolicyDecision decision = policies.decide(subjectOf(newTenant()));

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.policyVersion()).isZero();
    }

    @Test
    void aPublicationOnThisNodeDecidesTheVeryNextIntent() {
        TenantId tenant = newTenant();
        publish(tenant, Decision.DENY);
        assertThat(policies.decide(subjectOf(tenant))).extracting(PolicyDecision::decision,
                PolicyDecision::policyVersion).containsExactly(Decision.DENY, 1);

        publish(tenant, Decision.ALLOW);

        assertThat(policies.decide(subjectOf(tenant))).extracting(PolicyDecision::decision,
                PolicyDecision::policyVersion).containsExactly(Decision.ALLOW, 2);
    }

    @Test
    void aPublicationOfAnotherNodeDecidesOnceTheRememberedVersionIsOlderThanTheReloadTime()
            throws InterruptedException {
        TenantId tenant = newTenant();
        publish(tenant, Decision.DENY);
        assertThat(policies.decide(subjectOf(tenant)).policyVersion()).isEqualTo(1);

        publishAsAnotherNode(tenant, 2, Decision.ALLOW);

        assertThat(policies.decide(subjectOf(tenant)).policyVersion()).isEqualTo(1);
        Thread.sleep(400);
        assertThat(policies.decide(subjectOf(tenant))).extracting(PolicyDecision::decision,
                PolicyDecision::policyVersion).containsExactly(Decision.ALLOW, 2);
    }

    private void publish(TenantId tenant, Decision decision) {
        commands.sendAndWait(new PublishPolicyCommand(tenant, new PolicyDocument(List.of(), decision), admin));
    }

    /** What a second node's publication looks like here: in the event store, never on this node's event bus. */
    private void publishAsAnotherNode(TenantId tenant, int version, Decision decision) {
        PolicyId policy = PolicyId.forTenant(tenant);
        transactions.executeInTransaction(() -> storage.appendEvents(new GenericDomainEventMessage<>(
                Policy.class.getSimpleName(), policy.toString(), version - 1L, new PolicyPublishedEvent(policy,
                tenant, version, new PolicyDocument(List.of(), decision), admin))));
    }

    private static TenantId newTenant() {
        return new TenantId("tenant-" + UUID.randomUUID());
    }

    private PolicySubject subjectOf(TenantId tenant) {
        return new PolicySubject(tenant, new UserId("alice"), Set.of("submitter"), "orders.place", "orders",
                RiskLevel.LOW, Map.of());
    }
}
