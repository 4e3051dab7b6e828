package io.symphainy.runtime.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The citation rule: every citation resolves to a gathered fact, every claim cites one.
 */
class CitationCheckTest {

    private static final Set<String> GATHERED = Set.of("F-1", "F-2");

    @Test
    void passesWhenEveryClaimCitesGatheredFacts() {
        CitationCheck check = CitationCheck.of(List.of(new Claim("a", List.of("F-1")),
                new Claim("b", List.of("F-2", "F-1"))), GATHERED);

        assertThat(check.passed()).isTrue();
    }

    @Test
    void aCitationOfAnUngatheredFactIsUnresolvedAndNamedFirst() {
        CitationCheck check = CitationCheck.of(List.of(new Claim("a", List.of("F-1", "F-9")),
                new Claim("b", List.of())), GATHERED);

        assertThat(check.passed()).isFalse();
        assertThat(check.unresolved()).containsExactly("F-9");
        assertThat(check.uncitedClaims()).containsExactly(1);
        assertThat(check.failureCode()).isEqualTo("CITATION_UNRESOLVED");
        assertThat(check.failureMessage()).contains("F-9").contains("[1]");
    }

    @Test
    void aClaimCitingNothingFailsAsUncited() {
        CitationCheck check = CitationCheck.of(List.of(new Claim("a", List.of())), GATHERED);

        assertThat(check.failureCode()).isEqualTo("CLAIM_UNCITED");
    }
}
