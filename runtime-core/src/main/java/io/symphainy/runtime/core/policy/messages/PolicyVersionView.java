package io.symphainy.runtime.core.policy.messages;

import java.time.Instant;
import java.util.Map;

/**
 * One published version of a tenant's policy as the policy-versions projection holds it.
 *
 * @param document the document in its published form ({@code default}, {@code rules}), as a JSON object
 */
public record PolicyVersionView(
        String tenantId,
        int version,
        Map<String, Object> document,
        String publishedBy,
        Instant publishedAt) {
}
