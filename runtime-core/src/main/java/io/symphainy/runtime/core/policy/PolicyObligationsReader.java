package io.symphainy.runtime.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads a rule's {@code obligations}: a list of known obligation names, on rules that let an execution run
 * ({@code ALLOW}, {@code REQUIRE_APPROVAL}) only; each problem is reported against the rule's field.
 */
final class PolicyObligationsReader {

    private static final String FIELD = "obligations";

    private PolicyObligationsReader() {
    }

    static Set<String> read(JsonNode node, Decision decision, BiConsumer<String, String> problems) {
        Set<String> obligations = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return obligations;
        }
        if (!node.isArray()) {
            problems.accept(FIELD, "must be a list such as [" + PolicyDecision.VALIDATE_CITATIONS + "]");
            return obligations;
        }
        if (decision == Decision.DENY) {
            problems.accept(FIELD, "are only allowed on ALLOW and REQUIRE_APPROVAL rules");
        }
        for (JsonNode entry : node) {
            String name = entry.isTextual() ? entry.asText().strip() : String.valueOf(entry);
            if (!PolicyDecision.KNOWN_OBLIGATIONS.contains(name)) {
                problems.accept(FIELD, "'" + name + "' is not a known obligation (expected one of "
                        + PolicyDecision.KNOWN_OBLIGATIONS.stream().sorted().toList() + ")");
            } else {
                obligations.add(name);
            }
        }
        return obligations;
    }
}
