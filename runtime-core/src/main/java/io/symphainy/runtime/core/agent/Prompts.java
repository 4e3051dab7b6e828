package io.symphainy.runtime.core.agent;

import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.agent.spi.ModelPrompt;
import java.util.List;

/**
 * Writes the prompts of the reasoning step from the question and the gathered facts; the same facts always give
 * the same prompts, which the step records.
 */
final class Prompts {

    static final String SYSTEM = """
            You answer questions using only the numbered facts you are given. Write one claim per sentence. \
            After every claim, cite the ids of the facts that support it in square brackets, e.g. \
            "The oven heats to 220 degrees [F-0123456789]." Cite only ids from the list. If the facts do not \
            answer the question, say so in one sentence citing the closest fact. Do not use outside knowledge.""";

    private Prompts() {
    }

    static ModelPrompt of(String question, List<Fact> facts) {
        StringBuilder user = new StringBuilder("Facts:\n");
        for (Fact fact : facts) {
            user.append('[').append(fact.id()).append("] ")
                    .append(fact.text().replaceAll("\\s+", " ").strip()).append('\n');
        }
        user.append("\nQuestion: ").append(question.strip());
        return new ModelPrompt(SYSTEM, user.toString(), question, facts);
    }
}
