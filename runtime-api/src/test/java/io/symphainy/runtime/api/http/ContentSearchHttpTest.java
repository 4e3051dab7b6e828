package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.realm.content.config.ContentProperties;
import io.symphainy.runtime.realm.content.embed.Embedder;
import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import io.symphainy.runtime.realm.content.search.SearchStep;
import io.symphainy.runtime.realm.content.store.ChunkSetRow;
import io.symphainy.runtime.realm.content.store.ContentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code content.search} on PostgreSQL: scoped to the caller's tenant and, when asked, one session; ranked by
 * meaning; scoring at most {@code runtime.content.search-max-candidates} chunks, the newest, and saying so.
 */
class ContentSearchHttpTest extends ContentHttpTestSupport {

    private static final String PASTA = "an Italian pasta dinner recipe";

    @Autowired
    ContentStore store;

    @Autowired
    Embedder embedder;

    @Autowired
    ContentProperties contentProperties;

    @Test
    void searchIsScopedToTheTenantAndTheSessionAndRanksByMeaning() {
        String session = createSession(SUBMITTER_B);
        String otherSession = createSession(SUBMITTER_B);
        String cooking = seed(TENANT_B, session, ContentFixtures.COOKING);
        String astronomy = seed(TENANT_B, session, ContentFixtures.ASTRONOMY);
        String cookingElsewhere = seed(TENANT_B, otherSession, ContentFixtures.COOKING);
        String cookingOfA = seed(TENANT_A, createSession(SUBMITTER_A), ContentFixtures.COOKING);

        JsonNode inSession = search(Map.of("query", PASTA, "session_id", session, "top_k", 5));
        assertThat(documents(inSession)).containsExactly(cooking, astronomy);
        assertThat(inSession.path("candidates_scored").asInt()).isEqualTo(2);
        assertThat(inSession.path("candidates_capped").asBoolean()).isFalse();
        assertThat(inSession.path("results").get(0).path("score").asDouble())
                .isGreaterThan(inSession.path("results").get(1).path("score").asDouble());

        List<String> tenantWide = documents(search(Map.of("query", PASTA, "top_k", 50)));
        assertThat(tenantWide).contains(cooking, astronomy, cookingElsewhere).doesNotContain(cookingOfA);
    }

    @Test
    void aSearchScoresOnlyTheNewestCandidatesUpToItsCapAndSaysSo() {
        String session = createSession(SUBMITTER_B);
        String oldest = seed(TENANT_B, session, ContentFixtures.COOKING);
        String middle = seed(TENANT_B, session, ContentFixtures.ASTRONOMY);
        String newest = seed(TENANT_B, session, "Planets, moons and comets seen through a telescope at night.");
        SearchStep capped = new SearchStep(store, embedder, new ContentProperties(contentProperties.maxBytes(),
                contentProperties.inlineMaxBytes(), contentProperties.stagingGrace(),
                contentProperties.stagingPurgeInterval(), 2, null, contentProperties.chunkWords(),
                contentProperties.chunkOverlapWords(), false));

        StepResult result = capped.search(new StepContext(new TenantId(TENANT_B),
                new SessionId(UUID.fromString(session)), ExecutionId.random(), "content.search", "content.search",
                "search", 0, 1, StepPhase.FORWARD, Map.of("query", PASTA, "session_id", session, "top_k", 5),
                Map.of(), Map.of()));

        Map<String, Object> facts = ((StepResult.Succeeded) result).facts();
        assertThat(facts).containsEntry("candidates_scored", 2).containsEntry("candidates_capped", true);
        JsonNode json = JSON.valueToTree(facts);
        assertThat(documents(json)).containsExactlyInAnyOrder(newest, middle).doesNotContain(oldest);
    }

    /** Stores one chunk of text, embedded, in its own chunk set of the session; returns its document ref. */
    private String seed(String tenant, String session, String text) {
        String ref = UUID.randomUUID().toString();
        String document = "doc-" + ref;
        store.saveChunks(tenant, UUID.fromString(session), new ChunkSetRow("chunks-" + ref, "embeddings-" + ref,
                document, List.of(text), List.of(embedder.embed(text))));
        return document;
    }

    private JsonNode search(Map<String, Object> payload) {
        String session = payload.getOrDefault("session_id", createSession(SUBMITTER_B)).toString();
        JsonNode state = awaitStatus(SUBMITTER_B, submit(SUBMITTER_B, Map.of("session_id", session,
                "intent_type", "content.search", "payload", payload)).path("execution_id").asText(), "completed");
        return step(state, 0).path("facts");
    }

    private static List<String> documents(JsonNode facts) {
        List<String> documents = new ArrayList<>();
        facts.path("results").forEach(result -> documents.add(result.path("document_ref").asText()));
        return documents;
    }
}
