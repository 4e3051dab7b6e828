package io.symphainy.runtime.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading a model's answer into claims and the ids each cites.
 */
class AnswerParserTest {

    @Test
    void readsOneClaimPerSentenceWithTheIdsCitedInsideOrRightAfterIt() {
        List<Claim> claims = AnswerParser.parse("The oven heats to 220 degrees [F-1]. Bread bakes 40 min. [F-2, F-3]"
                + "\nIt costs 3.50 euros [F-4][F-5].");

        assertThat(claims).containsExactly(new Claim("The oven heats to 220 degrees.", List.of("F-1")),
                new Claim("Bread bakes 40 min.", List.of("F-2", "F-3")),
                new Claim("It costs 3.50 euros.", List.of("F-4", "F-5")));
        assertThat(AnswerParser.answerText(claims)).startsWith("The oven heats to 220 degrees. Bread bakes");
    }

    @Test
    void aSentenceWithoutBracketsIsAClaimCitingNothing() {
        List<Claim> claims = AnswerParser.parse("First [F-1]. Second has no source. Third [x]");

        assertThat(claims).extracting(Claim::citations).containsExactly(List.of("F-1"), List.of(), List.of("x"));
    }

    @Test
    void anEmptyAnswerHasNoClaims() {
        assertThat(AnswerParser.parse("")).isEmpty();
        assertThat(AnswerParser.parse(null)).isEmpty();
        assertThat(AnswerParser.parse("  [F-1] ")).isEmpty();
    }
}
