package io.symphainy.runtime.core.policy;

import java.util.List;

/**
 * A policy document that cannot be published, with every problem found in it.
 */
public class InvalidPolicyException extends RuntimeException {

    private final transient List<PolicyProblem> problems;

    public InvalidPolicyException(List<PolicyProblem> problems) {
        super("the policy document has " + problems.size() + " problem(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    /** What is wrong, in document order. */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
