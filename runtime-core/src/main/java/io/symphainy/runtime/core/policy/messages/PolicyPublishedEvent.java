package io.symphainy.runtime.core.policy.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;

/**
 * A tenant published version {@code version} of its policy; intents accepted from now on are decided by it.
 */
public record PolicyPublishedEvent(
        PolicyId policyId,
        TenantId tenantId,
        int version,
        PolicyDocument document,
        UserId publishedBy) {
}
