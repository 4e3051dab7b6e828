package io.symphainy.runtime.core.agent.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.agent.spi.FactSource;
import io.symphainy.runtime.core.agent.spi.ModelPrompt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The extractive model picks the sentences that answer the question and cites the fact each came from.
 */
class ExtractiveModelTest {

    private static final Fact OVEN = fact("oven", "Preheat the oven to 220 degrees. Bake the bread for forty minutes.");
    private static final Fact SKY = fact("sky", "Saturn has rings. Jupiter has many moons.");

    @Test
    void citesTheFactWhoseSentenceSharesTheMostWordsWithTheQuestion() {
        String answer = new ExtractiveModel(3).complete(prompt("How long do I bake the bread?", SKY, OVEN));

        assertThat(answer).isEqualTo("Bake the bread for forty minutes. [" + OVEN.id() + "]");
    }

    @Test
    void withoutACommonWordItCitesTheBestRankedFactSoEveryAnswerCitesSomething() {
        String answer = new ExtractiveModel(1).complete(prompt("xyzzy?", SKY, OVEN));

        assertThat(answer).isEqualTo("Saturn has rings. [" + SKY.id() + "]");
    }

    @Test
    void makesAtMostTheConfiguredNumberOfClaimsAndAnswersTheSameEveryTime() {
        ModelPrompt prompt = prompt("oven bread degrees minutes rings moons", OVEN, SKY);
        ExtractiveModel model = new ExtractiveModel(2);

        String answer = model.complete(prompt);

        assertThat(answer.lines()).hasSize(2);
        assertThat(model.complete(prompt)).isEqualTo(answer);
    }

    private static ModelPrompt prompt(String question, Fact... facts) {
        return new ModelPrompt("system", "user", question, List.of(facts));
    }

    private static Fact fact(String key, String text) {
        return new Fact(Fact.idFor(key), text, new FactSource(FactSource.DATA_REFERENCE, key, null, Map.of()));
    }
}
