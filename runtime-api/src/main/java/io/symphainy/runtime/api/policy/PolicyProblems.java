package io.symphainy.runtime.api.policy;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.core.policy.InvalidPolicyException;
import io.symphainy.runtime.core.policy.PolicyProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a refused policy document into an {@code INVALID_POLICY} problem whose {@code errors} point at each rule.
 */
final class PolicyProblems {

    private PolicyProblems() {
    }

    static ProblemException invalid(InvalidPolicyException invalid) {
        List<Map<String, Object>> errors = invalid.problems().stream().map(PolicyProblems::error).toList();
        String detail = errors.size() == 1 ? "the policy document has 1 problem"
                : "the policy document has " + errors.size() + " problems";
        return new ProblemException(ProblemCode.INVALID_POLICY, detail, Map.of("errors", errors));
    }

    private static Map<String, Object> error(PolicyProblem problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (problem.ruleIndex() != null) {
            error.put("rule_index", problem.ruleIndex());
        }
        if (problem.ruleName() != null) {
            error.put("rule_name", problem.ruleName());
        }
        if (problem.field() != null) {
            error.put("field", problem.field());
        }
        error.put("message", problem.message());
        return error;
    }
}
