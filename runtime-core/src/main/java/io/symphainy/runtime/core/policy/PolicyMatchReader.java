package io.symphainy.runtime.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.policy.messages.PolicyMatch;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code match} of a policy rule, reporting each condition that is unknown or malformed.
 */
final class PolicyMatchReader {

    static final Set<String> FIELDS = Set.of("risk_level", "risk_level_at_least", "intent_type", "realm",
            "roles_any", "user_id", "payload_max_bytes", "payload_min_bytes", "payload_has_field",
            "capability_version");

    private PolicyMatchReader() {
    }

    static PolicyMatch read(JsonNode node, PolicyDocumentParser.Problems rule) {
        if (node == null || node.isNull()) {
            return PolicyMatch.any();
        }
        if (!node.isObject()) {
            rule.add("match", "must be an object of conditions");
            return PolicyMatch.any();
        }
        PolicyDocumentParser.Problems match = new PolicyDocumentParser.Problems(rule.all(), rule.ruleIndex(),
                rule.ruleName(), rule.prefix() + "match.");
        match.unknownFields(node, FIELDS);
        Long max = bytes(node, "payload_max_bytes", match);
        Long min = bytes(node, "payload_min_bytes", match);
        if (max != null && min != null && min > max) {
            match.add("payload_min_bytes", "is larger than payload_max_bytes, so the rule can never match");
        }
        return new PolicyMatch(risk(node, "risk_level", match), risk(node, "risk_level_at_least", match),
                text(node, "intent_type", match), text(node, "realm", match), roles(node, match),
                text(node, "user_id", match), max, min, text(node, "payload_has_field", match),
                version(node, match));
    }

    /** A version, or a glob of versions such as {@code 1.*}: digits, dots and stars. */
    private static String version(JsonNode node, PolicyDocumentParser.Problems match) {
        String value = text(node, "capability_version", match);
        if (value != null && !value.matches("[0-9*]+(\\.[0-9*]+)*")) {
            match.add("capability_version", "'" + value
                    + "' is not a version such as 2 or 1.4, nor a glob such as 1.*");
            return null;
        }
        return value;
    }

    private static RiskLevel risk(JsonNode node, String field, PolicyDocumentParser.Problems match) {
        String value = text(node, field, match);
        if (value == null) {
            return null;
        }
        try {
            return RiskLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            match.add(field, "'" + value + "' is not one of " + Arrays.toString(RiskLevel.values()));
            return null;
        }
    }

    private static String text(JsonNode node, String field, PolicyDocumentParser.Problems match) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            match.add(field, "must be a non-blank string");
            return null;
        }
        return value.asText().strip();
    }

    private static Long bytes(JsonNode node, String field, PolicyDocumentParser.Problems match) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            match.add(field, "must be a whole number of bytes, 0 or more");
            return null;
        }
        return value.asLong();
    }

    private static Set<String> roles(JsonNode node, PolicyDocumentParser.Problems match) {
        JsonNode value = node.get("roles_any");
        if (value == null || value.isNull()) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        if (value.isArray()) {
            value.forEach(role -> {
                if (role.isTextual() && !role.asText().isBlank()) {
                    roles.add(role.asText().strip().toLowerCase(Locale.ROOT));
                }
            });
        }
        if (!value.isArray() || roles.isEmpty() || roles.size() != value.size()) {
            match.add("roles_any", "must be a non-empty list of role names");
            return null;
        }
        return roles;
    }
}
