package io.symphainy.runtime.core.policy;

import io.symphainy.runtime.core.policy.messages.PolicyPublishedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Hands each publication made on this node to {@link CommittedPolicies} once its transaction commits. It runs in a
 * subscribing processor, in the publishing unit of work, so nothing uncommitted ever decides.
 */
@Component
@ProcessingGroup(PolicyCommits.PROCESSING_GROUP)
class PolicyCommits {

    /** The processing group, and name, of the subscribing processor. */
    static final String PROCESSING_GROUP = "policy-commits";

    private final CommittedPolicies policies;

    PolicyCommits(CommittedPolicies policies) {
        this.policies = policies;
    }

    @EventHandler
    void on(PolicyPublishedEvent event) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(committed -> policies.published(event));
        } else {
            policies.published(event);
        }
    }
}
