package io.symphainy.runtime.realm.content.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import org.junit.jupiter.api.Test;

/**
 * Tika loads offline and yields text and deterministic facts for every supported format, and clear failures for
 * encrypted and corrupt documents.
 */
class ContentParserTest {

    private static final ContentParser PARSER = new ContentParser();

    @Test
    void pdfGivesTextPagesTitleAuthorAndLanguage() throws Exception {
        ParsedContent parsed = PARSER.parse(ContentFixtures.pdf("Kitchen notes", ContentFixtures.COOKING,
                ContentFixtures.COOKING), "notes.pdf");
        assertThat(parsed.mediaType()).isEqualTo("application/pdf");
        assertThat(parsed.text()).contains("Simmer the tomatoes");
        assertThat(parsed.facts()).containsEntry("page_count", 2).containsEntry("title", "Kitchen notes")
                .containsEntry("author", "Pat Pdf").containsEntry("language", "en");
        assertThat((Integer) parsed.facts().get("word_count")).isGreaterThan(40);
    }

    @Test
    void docxGivesTextTitleAndAuthor() throws Exception {
        ParsedContent parsed = PARSER.parse(ContentFixtures.docx("Sky", ContentFixtures.ASTRONOMY), "sky.docx");
        assertThat(parsed.mediaType()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(parsed.text()).contains("rings of Saturn");
        assertThat(parsed.facts()).containsEntry("title", "Sky").containsEntry("author", "Dora Docx");
    }

    @Test
    void htmlMarkdownTextCsvAndJsonParse() throws Exception {
        assertThat(PARSER.parse(ContentFixtures.html("Page", "hello web"), "page.html").text()).contains("hello web");
        assertThat(PARSER.parse(ContentFixtures.markdown("Title", "some markdown"), "readme.md").text())
                .contains("some markdown");
        assertThat(PARSER.parse(ContentFixtures.text(ContentFixtures.COOKING), "a.txt").facts())
                .containsEntry("media_type", "text/plain");
        ParsedContent csv = PARSER.parse(ContentFixtures.csv(), "cities.csv");
        assertThat(csv.facts()).containsEntry("media_type", "text/csv").containsEntry("table_count", 1);
        assertThat(PARSER.parse(ContentFixtures.json(), "planet.json").text()).contains("Saturn");
    }

    @Test
    void encryptedAndCorruptDocumentsFailClearly() {
        assertThatThrownBy(() -> PARSER.parse(ContentFixtures.encryptedPdf("pw"), "secret.pdf"))
                .isInstanceOfSatisfying(ContentParseException.class, e -> assertThat(e.encrypted()).isTrue());
        assertThatThrownBy(() -> PARSER.parse(ContentFixtures.corruptPdf(), "broken.pdf"))
                .isInstanceOfSatisfying(ContentParseException.class, e -> assertThat(e.encrypted()).isFalse());
    }
}
