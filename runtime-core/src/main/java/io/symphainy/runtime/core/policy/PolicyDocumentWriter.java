package io.symphainy.runtime.core.policy;

import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyMatch;
import io.symphainy.runtime.core.policy.messages.PolicyRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a policy document in the form it is published in ({@code default}, {@code rules}, snake_case conditions),
 * so what a tenant reads back can be published again unchanged.
 */
public final class PolicyDocumentWriter {

    private PolicyDocumentWriter() {
    }

    /** The document as JSON-ready maps and lists; unset conditions are left out. */
    public static Map<String, Object> write(PolicyDocument document) {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("default", document.defaultDecision().name());
        List<Object> rules = new ArrayList<>();
        for (PolicyRule rule : document.rules()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", rule.name());
            entry.put("decision", rule.decision().name());
            Map<String, Object> match = match(rule.match());
            if (!match.isEmpty()) {
                entry.put("match", match);
            }
            if (rule.approvalTimeout() != null) {
                entry.put("approval_timeout", rule.approvalTimeout().toString());
            }
            if (!rule.obligations().isEmpty()) {
                entry.put("obligations", rule.obligations().stream().sorted().toList());
            }
            rules.add(entry);
        }
        written.put("rules", rules);
        return written;
    }

    private static Map<String, Object> match(PolicyMatch match) {
        Map<String, Object> written = new LinkedHashMap<>();
        if (match == null) {
            return written;
        }
        putIfSet(written, "risk_level", match.riskLevel() == null ? null : match.riskLevel().name());
        putIfSet(written, "risk_level_at_least",
                match.riskLevelAtLeast() == null ? null : match.riskLevelAtLeast().name());
        putIfSet(written, "intent_type", match.intentType());
        putIfSet(written, "realm", match.realm());
        putIfSet(written, "roles_any", match.rolesAny() == null ? null : List.copyOf(match.rolesAny()));
        putIfSet(written, "user_id", match.userId());
        putIfSet(written, "payload_max_bytes", match.payloadMaxBytes());
        putIfSet(written, "payload_min_bytes", match.payloadMinBytes());
        putIfSet(written, "payload_has_field", match.payloadHasField());
        putIfSet(written, "capability_version", match.capabilityVersion());
        return written;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
