package io.symphainy.runtime.core.policy.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Publishes a new version of a tenant's policy; answered with the version number. Executions accepted earlier keep
 * the decision of the version they were accepted under.
 */
public record PublishPolicyCommand(TenantId tenantId, PolicyDocument document, UserId publishedBy) {

    /** The tenant's policy, the only one this command can change. */
    @TargetAggregateIdentifier
    public PolicyId policyId() {
        return PolicyId.forTenant(tenantId);
    }
}
