package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import io.symphainy.runtime.realm.content.parse.ContentParser;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Formats through the whole {@code content.parse_and_embed} execution over HTTP: HTML, Markdown, CSV and JSON parse
 * with the right facts; encrypted and corrupt PDFs fail for good at the parse step, after one attempt, and the
 * upload this execution stored is compensated.
 */
class ContentFormatsHttpTest extends ContentHttpTestSupport {

    private static final ContentParser PARSER = new ContentParser();

    @Test
    void htmlMarkdownCsvAndJsonParseWithTheirFacts() throws Exception {
        String session = createSession(SUBMITTER_A);
        JsonNode html = parsed(session, "page.html", "text/html",
                ContentFixtures.html("Saturn", "the ringed planet of the solar system"));
        assertThat(html.path("media_type").asText()).isEqualTo("text/html");
        assertThat(html.path("title").asText()).isEqualTo("Saturn");

        JsonNode markdown = parsed(session, "notes.md", "text/markdown",
                ContentFixtures.markdown("Notes", "simmer the tomatoes with garlic and basil"));
        assertThat(markdown.path("media_type").asText()).isEqualTo("text/x-web-markdown");

        JsonNode csv = parsed(session, "cities.csv", "text/csv", ContentFixtures.csv());
        assertThat(csv.path("media_type").asText()).isEqualTo("text/csv");
        assertThat(csv.path("table_count").asInt()).isEqualTo(1);
        assertThat(csv.path("row_count").asInt()).isEqualTo(4);

        JsonNode json = parsed(session, "planet.json", "application/json", ContentFixtures.json());
        assertThat(json.path("media_type").asText()).isEqualTo("application/json");
    }

    @Test
    void encryptedAndCorruptPdfsFailOnceAndCompensateTheirUpload() {
        String session = createSession(SUBMITTER_A);
        assertFailsForGood(session, "secret.pdf", ContentFixtures.encryptedPdf("pw-" + UUID.randomUUID()),
                "CONTENT_ENCRYPTED");
        assertFailsForGood(session, "broken.pdf", ContentFixtures.corruptPdf(), "CONTENT_CORRUPT");
        assertThat(jdbc.queryForObject("select count(*) from content_document where session_id = ?", Long.class,
                UUID.fromString(session))).isZero();
    }

    /** The parse step's facts after a completed upload → parse → embed, checked against the parser's own count. */
    private JsonNode parsed(String session, String filename, String mediaType, byte[] bytes) throws Exception {
        Response response = multipart(SUBMITTER_A, session, filename, mediaType, bytes, "content.parse_and_embed");
        assertStatus(response, 202);
        JsonNode state = awaitStatus(SUBMITTER_A, response.text("execution_id"), "completed");
        JsonNode facts = step(state, 1).path("facts");
        Object words = PARSER.parse(bytes, filename).facts().get("word_count");
        assertThat(facts.path("word_count").asInt()).as(filename).isPositive().isEqualTo(words);
        assertThat(step(state, 2).path("facts").path("chunk_count").asInt()).as(filename).isPositive();
        return facts;
    }

    private void assertFailsForGood(String session, String filename, byte[] pdf, String code) {
        JsonNode state = awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, filename, pdf), "compensated");
        assertThat(state.path("error_code").asText()).isEqualTo(code);
        assertThat(step(state, 1).path("attempts").asInt()).as("no retry of %s", code).isEqualTo(1);
        assertThat(step(state, 0).path("compensation").path("status").asText()).isEqualTo("compensated");
        assertThat(stepStatus(state, 2)).isNotEqualTo("succeeded");
        UUID execution = UUID.fromString(state.path("execution_id").asText());
        assertThat(jdbc.queryForObject("select count(*) from content_upload where execution_id = ?", Long.class,
                execution)).isZero();
        String upload = step(state, 0).path("references").path("content.upload").asText();
        assertThat(await("upload " + upload + " marked deleted", () -> get("/data/" + upload, SUBMITTER_A),
                r -> "deleted".equals(r.json().path("status").asText())).json().path("kind").asText())
                .isEqualTo("content.upload");
    }
}
