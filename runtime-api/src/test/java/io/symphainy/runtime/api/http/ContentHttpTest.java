package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The content realm end to end over HTTP: multipart uploads parsed and embedded, data references with provenance,
 * semantic search, compensation without orphans, import-directory refusals and tenant isolation.
 */
class ContentHttpTest extends ContentHttpTestSupport {

    @Test
    void pdfAndDocxAreParsedEmbeddedAndFoundByMeaningWithProvenance() {
        String session = createSession(SUBMITTER_A);
        JsonNode pdf = awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "kitchen.pdf",
                ContentFixtures.pdf("Kitchen", ContentFixtures.COOKING, ContentFixtures.COOKING)), "completed");
        JsonNode docx = awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "sky.docx",
                ContentFixtures.docx("Sky", ContentFixtures.ASTRONOMY)), "completed");

        assertThat(step(pdf, 1).path("facts").path("page_count").asInt()).isEqualTo(2);
        assertThat(step(pdf, 1).path("facts").path("media_type").asText()).isEqualTo("application/pdf");
        assertThat(step(docx, 1).path("facts").path("title").asText()).isEqualTo("Sky");
        String pdfDocument = step(pdf, 1).path("references").path("content.document").asText();
        String embeddings = step(pdf, 2).path("references").path("content.embeddings").asText();
        String upload = step(pdf, 0).path("references").path("content.upload").asText();

        JsonNode lineage = await("provenance of " + embeddings, () -> get("/data/" + embeddings + "/provenance",
                AUDITOR_ONLY_A), response -> response.status() == 200
                && response.json().path("chain").size() == 4).json();
        List<String> kinds = new ArrayList<>();
        lineage.path("chain").forEach(entry -> kinds.add(entry.path("kind").asText()));
        assertThat(kinds).containsExactly("content.embeddings", "content.chunks", "content.document",
                "content.upload");
        assertThat(lineage.path("chain").get(3).path("ref_id").asText()).isEqualTo(upload);
        assertThat(lineage.path("chain").get(0).path("versions").path("model").asText()).contains("MiniLM");

        Response reference = get("/data/" + upload, SUBMITTER_A);
        assertStatus(reference, 200);
        assertThat(reference.json().has("content_base64")).isFalse();
        assertThat(reference.json().path("execution_id").asText()).isEqualTo(pdf.path("execution_id").asText());
        Response hydrated = get("/data/" + upload + "?hydrate=true", SUBMITTER_A);
        assertThat(hydrated.json().path("content_base64").asText()).isNotBlank();

        JsonNode search = awaitStatus(SUBMITTER_A, submit(SUBMITTER_A, Map.of("session_id", session,
                "intent_type", "content.search", "payload", Map.of("query", "an Italian pasta dinner recipe",
                        "session_id", session))).path("execution_id").asText(), "completed");
        JsonNode results = step(search, 0).path("facts").path("results");
        assertThat(results.get(0).path("document_ref").asText()).isEqualTo(pdfDocument);

        // Another tenant sees, searches and hydrates nothing of it.
        assertProblem(get("/data/" + upload, SUBMITTER_B), 404, "DATA_REFERENCE_NOT_FOUND");
        assertProblem(get("/data/" + upload + "?hydrate=true", OPERATOR_B), 404, "DATA_REFERENCE_NOT_FOUND");
        assertProblem(get("/data/" + upload + "/provenance", OPERATOR_B), 404, "DATA_REFERENCE_NOT_FOUND");
        String sessionB = createSession(SUBMITTER_B);
        JsonNode searchB = awaitStatus(SUBMITTER_B, submit(SUBMITTER_B, Map.of("session_id", sessionB,
                "intent_type", "content.search", "payload", Map.of("query", "pasta recipe")))
                .path("execution_id").asText(), "completed");
        assertThat(step(searchB, 0).path("facts").path("results").toString()).doesNotContain(pdfDocument);
    }

    @Test
    void aFailedEmbeddingCompensatesParseAndUploadLeavingNoOrphans() {
        String session = createSession(SUBMITTER_A);
        String unique = "Unique text " + UUID.randomUUID();
        JsonNode state = awaitStatus(SUBMITTER_A, submit(SUBMITTER_A, Map.of("session_id", session,
                "intent_type", "content.parse_and_embed", "payload", Map.of("filename", "x.txt", "content_base64",
                        java.util.Base64.getEncoder().encodeToString(unique.getBytes(StandardCharsets.UTF_8)),
                        "fail_embedding", true))).path("execution_id").asText(), "compensated");
        assertThat(state.path("error_code").asText()).isEqualTo("CONTENT_EMBEDDING_FAILED");
        UUID execution = UUID.fromString(state.path("execution_id").asText());
        assertThat(jdbc.queryForObject("select count(*) from content_upload where execution_id = ?", Long.class,
                execution)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from content_document where session_id = ?", Long.class,
                UUID.fromString(session))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from content_chunk where session_id = ?", Long.class,
                UUID.fromString(session))).isZero();
        String upload = step(state, 0).path("references").path("content.upload").asText();
        JsonNode deleted = await("upload reference marked deleted", () -> get("/data/" + upload, SUBMITTER_A),
                response -> "deleted".equals(response.json().path("status").asText())).json();
        assertThat(deleted.path("kind").asText()).isEqualTo("content.upload");
        assertProblem(get("/data/" + upload + "?hydrate=true", SUBMITTER_A), 410, "DATA_NOT_HYDRATABLE");
    }

    @Test
    void importDirectoryEscapesAreRefusedForGood() {
        String session = createSession(SUBMITTER_A);
        for (String path : List.of("../../etc/passwd", "/etc/passwd")) {
            JsonNode state = awaitStatus(SUBMITTER_A, submit(SUBMITTER_A, Map.of("session_id", session,
                    "intent_type", "content.upload", "payload", Map.of("file_path", path)))
                    .path("execution_id").asText(), "failed", "compensated");
            assertThat(state.path("error_code").asText()).as(path)
                    .isIn("CONTENT_PATH_OUTSIDE_IMPORT_DIR", "CONTENT_IMPORT_DISABLED");
            assertThat(step(state, 0).path("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void twentyConcurrentUploadsInOneSessionAllComplete() throws Exception {
        String session = createSession(SUBMITTER_A);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> uploads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] text = ("note " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
                uploads.add(pool.submit(() -> uploadFile(SUBMITTER_A, session, "note.txt", text, "content.upload")));
            }
            for (Future<String> upload : uploads) {
                awaitStatus(SUBMITTER_A, upload.get(), "completed");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void uploadNeedsTheSubmitterRoleAndAFile() {
        String session = createSession(SUBMITTER_A);
        assertProblem(multipart(OPERATOR_ONLY_A, session, "a.txt", new byte[] {1}, "content.upload"), 403,
                "FORBIDDEN");
        assertProblem(multipart(SUBMITTER_A, session, "a.txt", new byte[0], "content.upload"), 400,
                "UPLOAD_FILE_MISSING");
        assertProblem(multipart(SUBMITTER_B, session, "a.txt", new byte[] {1}, "content.upload"), 404,
                "SESSION_NOT_FOUND");
    }
}
