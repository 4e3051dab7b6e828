package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The console's execution page of a {@code content.answer} in a real headless Chromium: the answer, its numbered
 * citations, the cited chunk and the citation check, and a full replay with today's model that reports the same
 * answer. Skipped when Chromium is not installed.
 */
class ConsoleAgentAnswerBrowserTest extends ContentHttpTestSupport {

    /** tenant-console, user carmen: submitter, operator, auditor and admin. */
    private static final String CONSOLE_OPERATOR = "http-test-console-operator";
    private static final String QUESTION = "When does the keeper light the lamp?";

    private static ConsoleBrowser browser;

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theExecutionPageShowsTheAnswerItsCitationsAndTheCheck() {
        ConsoleBrowser.assumeChromiumInstalled();
        String session = createSession(CONSOLE_OPERATOR);
        awaitStatus(CONSOLE_OPERATOR, uploadFile(CONSOLE_OPERATOR, session, "lighthouse.txt",
                "The lighthouse keeper lights the great lamp at dusk every evening.".getBytes(StandardCharsets.UTF_8)),
                "completed");
        JsonNode answered = awaitStatus(CONSOLE_OPERATOR, submit(CONSOLE_OPERATOR, Map.of("session_id", session,
                "intent_type", "content.answer", "payload", Map.of("question", QUESTION)))
                .path("execution_id").asText(), "completed");
        browser = ConsoleBrowser.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Page page = browser.newPage();
        List<String> refused = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.text());
            }
        });

        page.navigate("http://localhost:" + port + "/");
        page.getByLabel("API key").fill(CONSOLE_OPERATOR);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Executions");
        page.navigate("http://localhost:" + port + "/#/execution/" + answered.path("execution_id").asText());

        PlaywrightAssertions.assertThat(page.locator("#agent-answer")).containsText("lights the great lamp at dusk");
        PlaywrightAssertions.assertThat(page.locator("#agent-answer")).containsText(QUESTION);
        PlaywrightAssertions.assertThat(page.locator("#agent-answer sup.citation")).hasText(" [1]");
        PlaywrightAssertions.assertThat(page.locator("#citation-check")).hasText("succeeded");
        PlaywrightAssertions.assertThat(page.locator("#agent-answer table")).containsText("search_hit");
        PlaywrightAssertions.assertThat(page.locator("#agent-answer table")).containsText("chunk 0");
        browser.screenshot(page, "10-agent-answer");

        page.locator("button[data-mode='full-rerun-model']").click();
        PlaywrightAssertions.assertThat(page.locator("#replay-report")).containsText("model re-run by operator");
        PlaywrightAssertions.assertThat(page.locator("#replay-report")).containsText("same answer");
        browser.screenshot(page, "11-agent-replay-with-todays-model");
        assertThat(refused).as("Content-Security-Policy refusals").isEmpty();
    }
}
