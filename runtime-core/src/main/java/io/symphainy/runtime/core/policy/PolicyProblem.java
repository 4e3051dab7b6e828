package io.symphainy.runtime.core.policy;

/**
 * One reason a policy document was refused, pointing at the rule and field at fault.
 *
 * @param ruleIndex the position of the rule in {@code rules}, from 0; {@code null} for document-level problems
 * @param ruleName  the rule's name when it has one
 * @param field     the offending field, as a path such as {@code rules[1].match.risk_level}
 * @param message   what is wrong with it
 */
public record PolicyProblem(Integer ruleIndex, String ruleName, String field, String message) {
}
