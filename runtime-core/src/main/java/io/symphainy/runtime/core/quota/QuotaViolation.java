package io.symphainy.runtime.core.quota;

/**
 * What is wrong with one limit of a quota to record.
 *
 * @param limit   the limit's snake_case name, as the HTTP contract spells it
 * @param problem what is wrong with it
 */
public record QuotaViolation(String limit, String problem) {
}
