package io.symphainy.runtime.core.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyMatch;
import io.symphainy.runtime.core.policy.messages.PolicyRule;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a policy document from YAML or JSON text and refuses it, listing every problem, unless it is valid:
 * {@code default} and each rule's {@code decision} name a {@link Decision}, rule names are present and unique,
 * {@code match} holds known conditions only, and {@code approval_timeout} is a positive ISO-8601 duration on
 * {@code REQUIRE_APPROVAL} rules only.
 */
public final class PolicyDocumentParser {

    static final Set<String> DOCUMENT_FIELDS = Set.of("default", "rules");
    static final Set<String> RULE_FIELDS = Set.of("name", "decision", "match", "approval_timeout",
            "obligations");

    /** YAML 1.1 is a superset of JSON for documents like these, so one reader takes both. */
    private static final YAMLMapper READER = new YAMLMapper();

    private PolicyDocumentParser() {
    }

    /**
     * The document the text describes.
     *
     * @throws InvalidPolicyException listing every problem when the document is not valid
     */
    public static PolicyDocument parse(String text) {
        JsonNode root;
        try {
            root = text == null || text.isBlank() ? null : READER.readTree(text);
        } catch (JacksonException e) {
            throw invalid(new PolicyProblem(null, null, null, "not a YAML or JSON document: "
                    + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw invalid(new PolicyProblem(null, null, null, "a policy document is an object with"
                    + " 'default' and 'rules'"));
        }
        List<PolicyProblem> problems = new ArrayList<>();
        Problems document = new Problems(problems, null, null, "");
        document.unknownFields(root, DOCUMENT_FIELDS);
        Decision defaultDecision = document.decision(root, "default");
        List<PolicyRule> rules = rules(root.get("rules"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(problems);
        }
        return new PolicyDocument(rules, defaultDecision);
    }

    private static List<PolicyRule> rules(JsonNode node, List<PolicyProblem> problems) {
        List<PolicyRule> rules = new ArrayList<>();
        if (node == null || node.isNull()) {
            return rules;
        }
        if (!node.isArray()) {
            problems.add(new PolicyProblem(null, null, "rules", "must be a list of rules"));
            return rules;
        }
        Set<String> names = new HashSet<>();
        for (int index = 0; index < node.size(); index++) {
            PolicyRule rule = rule(index, node.get(index), names, problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static PolicyRule rule(int index, JsonNode node, Set<String> names, List<PolicyProblem> problems) {
        String path = "rules[" + index + "]";
        if (!node.isObject()) {
            problems.add(new PolicyProblem(index, null, path, "a rule is an object with 'name' and 'decision'"));
            return null;
        }
        String name = node.path("name").isTextual() ? node.get("name").asText().strip() : null;
        Problems rule = new Problems(problems, index, name == null || name.isEmpty() ? null : name, path + ".");
        rule.unknownFields(node, RULE_FIELDS);
        if (name == null || name.isEmpty()) {
            rule.add("name", "is required and must be a non-blank string");
        } else if (!names.add(name)) {
            rule.add("name", "'" + name + "' names an earlier rule too; rule names must be unique");
        }
        Decision decision = rule.decision(node, "decision");
        PolicyMatch match = PolicyMatchReader.read(node.get("match"), rule);
        Duration timeout = approvalTimeout(node.get("approval_timeout"), decision, rule);
        return new PolicyRule(name, decision, match, timeout, PolicyObligationsReader.read(node.get("obligations"),
                decision, rule::add));
    }

    private static Duration approvalTimeout(JsonNode node, Decision decision, Problems rule) {
        if (node == null || node.isNull()) {
            return decision == Decision.REQUIRE_APPROVAL ? PolicyDocument.DEFAULT_APPROVAL_TIMEOUT : null;
        }
        if (decision != null && decision != Decision.REQUIRE_APPROVAL) {
            rule.add("approval_timeout", "is only allowed on REQUIRE_APPROVAL rules");
            return null;
        }
        try {
            Duration timeout = Duration.parse(node.asText());
            if (timeout.isNegative() || timeout.isZero()) {
                rule.add("approval_timeout", "must be positive");
            }
            return timeout;
        } catch (DateTimeParseException e) {
            rule.add("approval_timeout", "'" + node.asText() + "' is not an ISO-8601 duration such as PT24H");
            return null;
        }
    }

    private static InvalidPolicyException invalid(PolicyProblem problem) {
        return new InvalidPolicyException(List.of(problem));
    }

    /** Collects the problems of one part of the document, each pointing at its rule and field. */
    record Problems(List<PolicyProblem> all, Integer ruleIndex, String ruleName, String prefix) {

        void add(String field, String message) {
            all.add(new PolicyProblem(ruleIndex, ruleName, prefix + field, message));
        }

        void unknownFields(JsonNode node, Set<String> known) {
            node.fieldNames().forEachRemaining(field -> {
                if (!known.contains(field)) {
                    add(field, "is not a known field (expected one of " + known.stream().sorted().toList() + ")");
                }
            });
        }

        Decision decision(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                add(field, "is required: ALLOW, DENY or REQUIRE_APPROVAL");
                return null;
            }
            try {
                return Decision.valueOf(value.asText().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                add(field, "'" + value.asText() + "' is not ALLOW, DENY or REQUIRE_APPROVAL");
                return null;
            }
        }
    }
}
