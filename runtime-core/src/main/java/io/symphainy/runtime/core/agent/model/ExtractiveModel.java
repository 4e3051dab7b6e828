package io.symphainy.runtime.core.agent.model;

import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.agent.spi.ModelPrompt;
import io.symphainy.runtime.core.agent.spi.ReasoningModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The default reasoning model: deterministic, in process, no network. It answers with the sentences of the facts that
 * share the most words with the question, each followed by the id of the fact it was taken from; the gathering order
 * (a search's ranking) breaks ties, so a question that matches no words still gets the best-ranked fact.
 */
public final class ExtractiveModel implements ReasoningModel {

    /** The name recorded for this model. */
    public static final String NAME = "extractive";

    private final int maxClaims;

    public ExtractiveModel(int maxClaims) {
        this.maxClaims = maxClaims;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("max_claims", maxClaims);
    }

    @Override
    public String complete(ModelPrompt prompt) {
        List<String> questionTerms = Terms.of(prompt.question());
        List<Candidate> candidates = new ArrayList<>();
        for (int rank = 0; rank < prompt.facts().size(); rank++) {
            Fact fact = prompt.facts().get(rank);
            for (String sentence : Terms.sentences(fact.text())) {
                candidates.add(new Candidate(fact.id(), sentence, Terms.overlap(questionTerms, sentence), rank));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::overlap).reversed()
                .thenComparingInt(Candidate::rank));
        List<String> claims = new ArrayList<>();
        int best = candidates.isEmpty() ? 0 : candidates.get(0).overlap();
        for (Candidate candidate : candidates) {
            // After the first claim, only sentences that share more than half as many words as the best one.
            if (claims.size() == maxClaims || !claims.isEmpty() && candidate.overlap() * 2 <= best) {
                break;
            }
            String claim = Terms.asClaim(candidate.sentence()) + " [" + candidate.factId() + "]";
            if (!claims.contains(claim)) {
                claims.add(claim);
            }
        }
        return String.join("\n", claims);
    }

    private record Candidate(String factId, String sentence, int overlap, int rank) {
    }
}
