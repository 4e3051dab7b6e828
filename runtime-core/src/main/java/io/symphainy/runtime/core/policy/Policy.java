package io.symphainy.runtime.core.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.symphainy.runtime.core.infrastructure.AggregateCacheConfiguration;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyId;
import io.symphainy.runtime.core.policy.messages.PolicyPublishedEvent;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import io.symphainy.runtime.core.policy.messages.PublishPolicyCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tenant's policy: every published version is an event, and the latest one decides about new intents.
 */
@Aggregate(cache = AggregateCacheConfiguration.POLICY_CACHE)
public class Policy {

    @AggregateIdentifier
    private PolicyId policyId;
    private int version;
    private PolicyDocument document;

    /** Axon needs a no-arg constructor to rebuild the aggregate from its events and to create it on first publish. */
    protected Policy() {
    }

    /** Publishes the next version; the first publication creates the tenant's policy. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(PublishPolicyCommand command) {
        int next = version + 1;
        apply(new PolicyPublishedEvent(command.policyId(), command.tenantId(), next, command.document(),
                command.publishedBy()));
        return next;
    }

    /** The decision of the latest version about an intent; a policy exists once it has been published. */
    public PolicyDecision decide(PolicySubject subject, Decision fallback) {
        return document == null ? PolicyRules.withoutPolicy(fallback, subject)
                : PolicyRules.evaluate(document, version, subject);
    }

    @EventSourcingHandler
    void on(PolicyPublishedEvent event) {
        policyId = event.policyId();
        version = event.version();
        document = event.document();
    }
}
