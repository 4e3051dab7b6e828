package io.symphainy.runtime.core.agent;

import io.symphainy.runtime.core.agent.spi.AgentFailureCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The citation rule: every citation resolves to a gathered fact and every claim cites at least one.
 *
 * @param unresolved    cited ids that name no gathered fact, in order of first citation
 * @param uncitedClaims the indexes of claims that cite nothing
 */
record CitationCheck(List<String> unresolved, List<Integer> uncitedClaims) {

    static CitationCheck of(List<Claim> claims, Set<String> gatheredIds) {
        Set<String> unresolved = new LinkedHashSet<>();
        List<Integer> uncited = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            if (claim.citations().isEmpty()) {
                uncited.add(i);
            }
            claim.citations().stream().filter(id -> !gatheredIds.contains(id)).forEach(unresolved::add);
        }
        return new CitationCheck(List.copyOf(unresolved), List.copyOf(uncited));
    }

    boolean passed() {
        return unresolved.isEmpty() && uncitedClaims.isEmpty();
    }

    /** The code a failed check fails the step with: unresolved citations first. */
    String failureCode() {
        return !unresolved.isEmpty() ? AgentFailureCodes.CITATION_UNRESOLVED : AgentFailureCodes.CLAIM_UNCITED;
    }

    String failureMessage() {
        List<String> parts = new ArrayList<>();
        if (!unresolved.isEmpty()) {
            parts.add("citations name no gathered fact: " + unresolved);
        }
        if (!uncitedClaims.isEmpty()) {
            parts.add("claims cite nothing: " + uncitedClaims);
        }
        return String.join("; ", parts);
    }

    Map<String, Object> toMap(boolean required) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("required", required);
        map.put("passed", passed());
        map.put("unresolved_citations", unresolved);
        map.put("uncited_claims", uncitedClaims);
        return map;
    }
}
