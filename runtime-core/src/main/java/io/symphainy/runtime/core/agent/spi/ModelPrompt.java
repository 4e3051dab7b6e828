package io.symphainy.runtime.core.agent.spi;

import java.util.List;

/**
 * What a reasoning model is given: the prompts the runtime wrote and, for models that read them directly, the
 * question and the facts the prompts were written from.
 */
public record ModelPrompt(String system, String user, String question, List<Fact> facts) {

    public ModelPrompt {
        facts = List.copyOf(facts);
    }
}
