package io.symphainy.runtime.core.replay.messages;

import java.util.List;

/**
 * "What would we decide today": the recorded policy decision of an execution's intent beside the decision the
 * tenant's current policy takes on the same intent, submitter and roles.
 *
 * @param recordedDecision ALLOW, DENY or REQUIRE_APPROVAL as recorded; null when the intent was refused before the
 *                         policy was asked, or recorded before policies existed
 * @param currentDecision  what today's policy decides; null when no capability handles the intent type any more
 * @param wouldDiffer      whether the two decisions differ
 * @param policyVersionThen the policy version that decided then (0: the tenant had none); null when not asked
 * @param policyVersionNow the tenant's current policy version (0: none); null when not evaluated
 * @param reasons          one line per fact that explains the comparison: each decision's rule, and what changed
 * @param obligationsThen  the obligations the recorded decision laid on the execution
 * @param obligationsNow   the obligations today's decision would lay; null when not evaluated
 * @param citationsWouldPass for an agent execution with a recorded answer: whether today's citation rule
 *                         ({@code validate_citations}) would let the recorded answer through; null otherwise
 */
public record PolicyComparison(
        String recordedDecision,
        String currentDecision,
        boolean wouldDiffer,
        Integer policyVersionThen,
        Integer policyVersionNow,
        List<String> reasons,
        List<String> obligationsThen,
        List<String> obligationsNow,
        Boolean citationsWouldPass) {

    public PolicyComparison {
        reasons = List.copyOf(reasons);
        obligationsThen = obligationsThen == null ? List.of() : List.copyOf(obligationsThen);
    }

    /** A comparison that says nothing of obligations. */
    public PolicyComparison(String recordedDecision, String currentDecision, boolean wouldDiffer,
                            Integer policyVersionThen, Integer policyVersionNow, List<String> reasons) {
        this(recordedDecision, currentDecision, wouldDiffer, policyVersionThen, policyVersionNow, reasons, null, null,
                null);
    }
}
