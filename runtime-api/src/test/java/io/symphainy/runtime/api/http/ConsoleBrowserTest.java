package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web console in a real headless Chromium against the whole runtime: log in with a key, create a session and
 * submit an intent, watch it complete without reloading, read its timeline chart and events, replay it in every
 * mode, browse the listings, audit search and projections, and approve a held execution. Screenshots of each page
 * go to {@code console-screenshots} in the build directory. Skipped when Chromium is not installed.
 */
class ConsoleBrowserTest extends GovernanceTestSupport {

    /** tenant-console, user carmen: submitter, operator, auditor and admin. */
    private static final String CONSOLE_OPERATOR = "http-test-console-operator";
    /** tenant-console, user cody: approver and operator. */
    private static final String CONSOLE_APPROVER = "http-test-console-approver";

    private static ConsoleBrowser browser;

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    private Page page;
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    /** Launches Chromium for the first test; each test is skipped, with the reason, when it is not installed. */
    @BeforeEach
    void openPage() {
        ConsoleBrowser.assumeChromiumInstalled();
        if (browser == null) {
            browser = ConsoleBrowser.launch();
            PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        }
        page = browser.newPage();
        policyViolations.clear();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
    }

    /** Whatever a page did, it stayed within its Content-Security-Policy (the browser reports each refusal). */
    @AfterEach
    void nothingWasRefusedByThePagesPolicy() {
        assertThat(policyViolations).as("Content-Security-Policy refusals").isEmpty();
    }

    @Test
    void submitsAnIntentWatchesItCompleteLiveAndReplaysIt() {
        logIn(CONSOLE_OPERATOR, "carmen @ tenant-console");
        browser.screenshot(page, "02-executions-empty-or-listed");

        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Submit intent")).click();
        PlaywrightAssertions.assertThat(page.locator("#submit-intent-type option[value='diagnostics.echo']"))
                .hasCount(1);
        page.locator("#create-session").click();
        PlaywrightAssertions.assertThat(page.locator("#submit-notice")).containsText("created");
        PlaywrightAssertions.assertThat(page.locator("#submit-session")).not().hasValue("");
        page.locator("#submit-intent-type").selectOption("diagnostics.echo");
        page.locator("#submit-payload").fill("{\"sleep_ms\": 400, \"fail_times\": 1}");
        browser.screenshot(page, "03-submit");
        page.locator("#submit-form button[type=submit]").click();

        page.waitForURL(Pattern.compile(".*#/execution/[0-9a-f-]{36}$"));
        String executionId = page.url().replaceAll(".*#/execution/", "");
        Locator status = page.locator("#execution-status");
        PlaywrightAssertions.assertThat(status).hasText(Pattern.compile("accepted|running"));
        PlaywrightAssertions.assertThat(page.locator("#live-mode")).containsText("live:");
        page.evaluate("() => { window.consoleNotReloaded = true; }");

        PlaywrightAssertions.assertThat(status).hasText("completed");
        assertThat(page.evaluate("() => window.consoleNotReloaded === true")).as("updated without a reload")
                .isEqualTo(true);
        PlaywrightAssertions.assertThat(page.locator("#live-mode")).containsText("finished (completed)");
        PlaywrightAssertions.assertThat(page.locator("#timeline-chart rect.bar-succeeded")).hasCount(3);
        PlaywrightAssertions.assertThat(page.locator("#timeline-chart rect.bar-failed")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#timeline-chart path.mark-retry")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#event-list")).containsText("ExecutionCompletedEvent");
        browser.screenshot(page, "04-execution-timeline");

        replay("state_only", "No drift");
        replay("events_only", "StepSucceededEvent");
        replay("full", "match");
        browser.screenshot(page, "05-execution-replay");

        page.locator("#nav a[href='#/executions']").click();
        PlaywrightAssertions.assertThat(page.locator("#executions-results a[href='#/execution/" + executionId + "']"))
                .isVisible();
        page.locator("#filter-status").selectOption("completed");
        page.locator("#executions-filters button[type=submit]").click();
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*status=completed.*"));
        PlaywrightAssertions.assertThat(page.locator("#executions-results a[href='#/execution/" + executionId + "']"))
                .isVisible();
        browser.screenshot(page, "06-executions");

        page.locator("#nav a[href='#/sessions']").click();
        PlaywrightAssertions.assertThat(page.locator("#sessions-results table")).isVisible();
        browser.screenshot(page, "07-sessions");

        searchAuditAndExport(executionId);
        page.locator("#nav a[href='#/projections']").click();
        PlaywrightAssertions.assertThat(page.locator("#projection-list")).containsText("execution-state");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rebuild data-references")).click();
        Locator rebuilt = page.locator("#projection-list tr", new Page.LocatorOptions().setHasText("data-references"));
        PlaywrightAssertions.assertThat(rebuilt.locator("progress")).isVisible();
        PlaywrightAssertions.assertThat(rebuilt).containsText("finished");
        browser.screenshot(page, "09-projections");
    }

    @Test
    void approvesAHeldExecutionFromTheInbox() {
        Response published = putPolicy(CONSOLE_OPERATOR, """
                default: ALLOW
                rules:
                  - name: hold-flagged-echo
                    decision: REQUIRE_APPROVAL
                    match:
                      intent_type: diagnostics.echo
                      payload_has_field: message
                """, "application/yaml");
        assertStatus(published, 201);
        String sessionId = createSession(CONSOLE_OPERATOR);
        Response held = post("/intent/submit", CONSOLE_OPERATOR,
                echoIntent(sessionId, Map.of("message", "please approve")));
        assertStatus(held, 202);
        assertThat(held.text("status")).isEqualTo("awaiting_approval");
        String executionId = held.text("execution_id");
        awaitPendingApproval(CONSOLE_APPROVER, executionId);

        page.navigate("http://localhost:" + port + "/#/approvals");
        page.locator("#api-key").fill(CONSOLE_APPROVER);
        page.locator("#api-key").press("Enter");
        PlaywrightAssertions.assertThat(page.locator("#identity-text")).containsText("cody @ tenant-console");
        page.locator("#nav a[href='#/approvals']").click();
        Locator approve = page.locator("button[data-approve='" + executionId + "']");
        PlaywrightAssertions.assertThat(approve).isVisible();
        browser.screenshot(page, "10-approvals");
        page.getByLabel("Reason for " + executionId).fill("looks fine");
        approve.click();
        PlaywrightAssertions.assertThat(page.locator("#approval-notice")).containsText("Approved " + executionId);

        page.navigate("http://localhost:" + port + "/#/execution/" + executionId);
        PlaywrightAssertions.assertThat(page.locator("#execution-status")).hasText("completed");
        PlaywrightAssertions.assertThat(page.locator("#execution-facts")).containsText("cody: looks fine");
        PlaywrightAssertions.assertThat(page.locator("#timeline-chart rect.bar-approval")).hasCount(1);
        browser.screenshot(page, "11-approved-execution");
    }

    @Test
    void sendsASignalToAWaitingStepFromTheExecutionPage() {
        Map<String, Object> intent = new LinkedHashMap<>(echoIntent(createSession(CONSOLE_OPERATOR),
                Map.of("signal", "console-go")));
        intent.put("intent_type", "diagnostics.await");
        Response accepted = post("/intent/submit", CONSOLE_OPERATOR, intent);
        assertStatus(accepted, 202);
        String executionId = accepted.text("execution_id");
        logIn(CONSOLE_OPERATOR, "carmen @ tenant-console");

        page.navigate("http://localhost:" + port + "/#/execution/" + executionId);
        PlaywrightAssertions.assertThat(page.locator("#steps")).containsText("console-go");
        PlaywrightAssertions.assertThat(page.locator("#signal-name")).hasValue("console-go");
        page.locator("#signal-payload").fill("{\"note\": \"from the console\"}");
        browser.screenshot(page, "12-signal-form");
        page.locator("#signal-form button[type=submit]").click();

        PlaywrightAssertions.assertThat(page.locator("#signal-notice")).containsText("delivered");
        PlaywrightAssertions.assertThat(page.locator("#execution-status")).hasText("completed");
        PlaywrightAssertions.assertThat(page.locator("#signal-section")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("#steps")).containsText("succeeded");
    }

    @Test
    void worksFromTheKeyboardAndHighlightsDriftAndDivergences() {
        page.navigate("http://localhost:" + port + "/");
        PlaywrightAssertions.assertThat(page.locator("#api-key")).isFocused();
        page.keyboard().type(CONSOLE_OPERATOR);
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Executions");
        PlaywrightAssertions.assertThat(page.locator("h1")).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")).as("focus outline")
                .isEqualTo("solid");
        page.locator("#nav a[href='#/audit']").focus();
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Audit search");

        page.evaluate("""
                async () => {
                  const { renderReport } = await import('/console/replay-report.js');
                  const state = renderReport({ mode: 'state_only', outcome: 'state folded; 1 drift',
                    state: { folded_events: 9, last_index: 8, execution: { status: 'completed' },
                      recorded: { status: 'running' },
                      drift: [{ field: 'status', replayed: 'completed', recorded: 'running' }] } });
                  const full = renderReport({ mode: 'full', outcome: '2 re-run (1 match, 1 diverge)', steps: [
                    { index: 0, name: 'a', side_effect: 'PURE', treatment: 're_run', attempt: 1, verdict: 'match',
                      recorded: { succeeded: true, facts: { n: 1 } },
                      recomputed: { succeeded: true, facts: { n: 1 } } },
                    { index: 1, name: 'b', side_effect: 'PURE', treatment: 're_run', attempt: 1,
                      verdict: 'divergence', recorded: { succeeded: true, facts: { n: 1 } },
                      recomputed: { succeeded: true, facts: { n: 2 } } }] });
                  state.id = 'rendered-state';
                  full.id = 'rendered-full';
                  document.querySelector('main').append(state, full);
                }
                """);
        PlaywrightAssertions.assertThat(page.locator("#rendered-state tr.drift")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#rendered-state")).containsText("Drift on 1 field(s)");
        PlaywrightAssertions.assertThat(page.locator("#rendered-full tr.divergence")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#rendered-full tr.divergence")).containsText("divergence");
        PlaywrightAssertions.assertThat(page.locator("#rendered-full")).containsText("1 step(s) diverge");
        assertThat(page.evaluate("() => getComputedStyle(document.querySelector('#rendered-full tr.divergence td'))"
                + ".backgroundColor")).isEqualTo("rgb(251, 227, 228)");
        assertThat(page.evaluate("() => getComputedStyle(document.querySelector('#rendered-full tbody tr td'))"
                + ".backgroundColor")).isNotEqualTo("rgb(251, 227, 228)");
    }

    @Test
    void chartsTheRuntimesFiguresFromTheHistoryKeptBeforeThePageOpened() {
        Instant start = Instant.now();
        String sessionId = createSession(CONSOLE_OPERATOR);
        String retried = submitEcho(CONSOLE_OPERATOR, sessionId, Map.of("sleep_ms", 150, "fail_times", 1));
        String compensated = submitEcho(CONSOLE_OPERATOR, sessionId, Map.of("sleep_ms", 150,
                "fail_permanently_at", 2));
        awaitStatus(CONSOLE_OPERATOR, retried, "completed");
        awaitStatus(CONSOLE_OPERATOR, compensated, "compensated");
        await("the history to hold both executions", () -> get("/runtime/metrics/history?since=" + start,
                CONSOLE_OPERATOR).json(), history -> finishedEchoes(history) >= 2);

        logIn(CONSOLE_OPERATOR, "carmen @ tenant-console");
        page.locator("#nav a[href='#/metrics']").click();
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Metrics");

        PlaywrightAssertions.assertThat(page.locator("#chart-executions path.series[data-series='diagnostics.echo']"))
                .hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#chart-steps path.series[data-series='diagnostics.echo']"))
                .hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#duration-capability")).hasValue("diagnostics.echo");
        for (String percentile : List.of("p50", "p95", "p99")) {
            PlaywrightAssertions.assertThat(page.locator("#chart-step-duration path.series[data-series='"
                    + percentile + "']")).hasCount(1);
        }
        PlaywrightAssertions.assertThat(page.locator("#chart-retries path.series")).hasCount(2);
        PlaywrightAssertions.assertThat(page.locator("#chart-wal-appends path.series")).hasCount(2);
        PlaywrightAssertions.assertThat(page.locator("#chart-projection-lag path.series[data-series='read-models']"))
                .hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#chart-approvals path.series")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator("#chart-wal-size path.series")).hasCount(1);
        assertThat(page.locator("#chart-executions svg").getAttribute("aria-label"))
                .contains("Executions started per second").contains("diagnostics.echo");
        assertThat(page.locator("#chart-executions path.series").getAttribute("d")).startsWith("M");
        browser.screenshot(page, "12-metrics");

        int shown = Integer.parseInt(page.locator("#metrics-window").getAttribute("data-samples"));
        page.evaluate("() => { window.consoleNotReloaded = true; }");
        PlaywrightAssertions.assertThat(page.locator("#metrics-window")).not().hasAttribute("data-samples",
                String.valueOf(shown));
        assertThat(page.evaluate("() => window.consoleNotReloaded === true")).as("updated without a reload")
                .isEqualTo(true);
    }

    /** How many echo executions the history's samples finished, rounded from rate × interval. */
    private static long finishedEchoes(JsonNode history) {
        double total = 0;
        for (JsonNode sample : history.path("samples")) {
            for (JsonNode row : sample.path("capabilities")) {
                if (ECHO.equals(row.path("capability").asText())) {
                    total += row.path("executions_finished_per_second").asDouble() * sample.path("seconds").asDouble();
                }
            }
        }
        return Math.round(total);
    }

    private void logIn(String apiKey, String identity) {
        page.navigate("http://localhost:" + port + "/");
        PlaywrightAssertions.assertThat(page.locator("#api-key")).isVisible();
        browser.screenshot(page, "01-login");
        page.getByLabel("API key").fill(apiKey);
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
        PlaywrightAssertions.assertThat(page.locator("#identity-text")).containsText(identity);
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Executions");
    }

    private void replay(String mode, String expected) {
        page.locator("button[data-mode='" + mode + "']").click();
        PlaywrightAssertions.assertThat(page.locator("#replay-report .replay[data-mode='" + mode + "']")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#replay-report")).containsText(expected);
    }

    private void searchAuditAndExport(String executionId) {
        page.locator("#nav a[href='#/audit']").click();
        page.locator("#audit-execution-id").fill(executionId);
        page.locator("#audit-filters button[type=submit]").click();
        PlaywrightAssertions.assertThat(page.locator("#audit-results")).containsText("execution completed");
        browser.screenshot(page, "08-audit");
        Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
        assertThat(download.suggestedFilename()).isEqualTo("audit-events.csv");
        try {
            String csv = Files.readString(download.path());
            assertThat(csv.lines().count()).isGreaterThan(5);
            assertThat(csv).contains(executionId).contains("ExecutionCompletedEvent");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
