package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may use the content endpoints: only submitters upload; every role of the owning tenant reads data references
 * and their provenance (the contract says "any"), nobody without a credential, and another tenant finds nothing. The
 * provenance a step registers also shows on the execution's timeline.
 */
class ContentAccessHttpTest extends ContentHttpTestSupport {

    @Test
    void onlySubmittersUpload() {
        String session = createSession(SUBMITTER_A);
        byte[] file = ContentFixtures.text("roles " + UUID.randomUUID());
        for (String key : List.of(OPERATOR_ONLY_A, AUDITOR_ONLY_A, APPROVER_A, ADMIN_B)) {
            assertProblem(multipart(key, session, "a.txt", file, "content.upload"), 403, "FORBIDDEN");
        }
        assertProblem(multipart(null, session, "a.txt", file, "content.upload"), 401, "UNAUTHENTICATED");
        assertProblem(multipart(SUBMITTER_A, session, "a.txt", file, "content.search"), 400, "INVALID_REQUEST");
        assertStatus(multipart(SUBMITTER_ONLY_A, session, "a.txt", file, "content.upload"), 202);
    }

    @Test
    void everyRoleOfTheTenantReadsReferencesAndAnotherTenantFindsNone() {
        String session = createSession(SUBMITTER_A);
        JsonNode state = awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "roles.txt",
                ContentFixtures.text(ContentFixtures.ASTRONOMY + " " + UUID.randomUUID())), "completed");
        String upload = step(state, 0).path("references").path("content.upload").asText();
        String document = step(state, 1).path("references").path("content.document").asText();
        await("data reference " + document, () -> get("/data/" + document, SUBMITTER_A), r -> r.status() == 200);

        for (String key : List.of(SUBMITTER_A, OPERATOR_ONLY_A, AUDITOR_ONLY_A, APPROVER_A)) {
            assertStatus(get("/data/" + document, key), 200);
            assertThat(get("/data/" + document + "?hydrate=true", key).json().path("text").asText()).as(key)
                    .contains("telescope");
            assertThat(get("/data/" + document + "/provenance", key).json().path("chain")).as(key).hasSize(2);
        }
        for (String path : List.of("/data/" + upload, "/data/" + upload + "?hydrate=true",
                "/data/" + upload + "/provenance")) {
            assertProblem(get(path, null), 401, "UNAUTHENTICATED");
            for (String otherTenant : List.of(SUBMITTER_B, OPERATOR_B, ADMIN_B, APPROVER_B)) {
                assertProblem(get(path, otherTenant), 404, "DATA_REFERENCE_NOT_FOUND");
            }
        }
        assertProblem(get("/data/" + UUID.randomUUID(), SUBMITTER_A), 404, "DATA_REFERENCE_NOT_FOUND");
    }

    @Test
    void provenanceShowsOnTheExecutionTimeline() {
        String session = createSession(SUBMITTER_A);
        String execution = uploadFile(SUBMITTER_A, session, "timeline.txt",
                ContentFixtures.text(ContentFixtures.COOKING + " " + UUID.randomUUID()));
        JsonNode state = awaitStatus(SUBMITTER_A, execution, "completed");
        String upload = step(state, 0).path("references").path("content.upload").asText();
        String document = step(state, 1).path("references").path("content.document").asText();
        String chunks = step(state, 2).path("references").path("content.chunks").asText();
        String embeddings = step(state, 2).path("references").path("content.embeddings").asText();

        JsonNode timeline = await("timeline of " + execution, () -> get("/execution/" + execution + "/timeline",
                AUDITOR_ONLY_A).json(), body -> body.toString().contains("ExecutionCompletedEvent"));

        List<String> registered = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (JsonNode entry : timeline.path("entries")) {
            if (entry.path("event_type").asText().equals("StepSucceededEvent")) {
                summaries.add(entry.path("summary").asText());
                entry.path("payload").path("facts").path("data_references")
                        .forEach(ref -> registered.add(ref.path("kind").asText() + " " + ref.path("ref_id").asText()
                                + " <- " + ref.path("source_refs")));
            }
        }
        assertThat(registered).containsExactly("content.upload " + upload + " <- []",
                "content.document " + document + " <- [\"" + upload + "\"]",
                "content.chunks " + chunks + " <- [\"" + document + "\"]",
                "content.embeddings " + embeddings + " <- [\"" + chunks + "\"]");
        assertThat(summaries.get(1)).contains("registered content.document " + document + " from " + upload);
    }
}
