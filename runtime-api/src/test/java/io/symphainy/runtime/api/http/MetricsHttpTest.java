package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime's meters over HTTP: figures move when executions run, in the Prometheus scrape and in
 * {@code GET /runtime/metrics}; who may read them; and each tenant sees only its own work.
 */
class MetricsHttpTest extends ObservabilityHttpTestSupport {

    private static final String ECHO_ACCEPTED =
            "runtime_intents_accepted_total{capability=\"diagnostics.echo\",tenant=\"tenant-a\"}";
    private static final String ECHO_COMPLETED_COUNT = "runtime_execution_duration_seconds_count"
            + "{capability=\"diagnostics.echo\",outcome=\"completed\",tenant=\"tenant-a\"}";

    @Test
    void executionsMoveTheFiguresOfTheirTenant() {
        JsonNode before = metrics(OPERATOR_A);
        String scrapeBefore = scrape();
        String sessionId = createSession(SUBMITTER_A);

        String retried = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_times", 1));
        String plain = submitEcho(SUBMITTER_A, sessionId, Map.of());
        String compensated = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_permanently_at", 3));
        assertProblem(post("/intent/submit", SUBMITTER_A, Map.of("session_id", sessionId,
                "intent_type", "diagnostics.unknown", "payload", Map.of())), 422, "UNKNOWN_INTENT_TYPE");
        awaitStatus(SUBMITTER_A, retried, "completed");
        awaitStatus(SUBMITTER_A, plain, "completed");
        awaitStatus(SUBMITTER_A, compensated, "compensated");

        JsonNode after = await("the metrics processor to record the three executions", () -> metrics(OPERATOR_A),
                now -> completed(now) >= completed(before) + 2 && compensatedCount(now) >= compensatedCount(before) + 1);

        assertThat(after.path("tenant_id").asText()).isEqualTo(TENANT_A);
        assertThat(count(after, "intents_accepted") - count(before, "intents_accepted")).isEqualTo(3);
        assertThat(after.path("intents_rejected").path("by_reason").path("unknown_intent_type").asLong()
                - before.path("intents_rejected").path("by_reason").path("unknown_intent_type").asLong())
                .isEqualTo(1);
        assertThat(completed(after) - completed(before)).isEqualTo(2);
        assertThat(compensatedCount(after) - compensatedCount(before)).isEqualTo(1);
        // 3 + 4 (one retry) + 3 (the third step fails for good) forward attempts.
        assertThat(count(after, "step_attempts") - count(before, "step_attempts")).isEqualTo(10);
        assertThat(count(after, "retries") - count(before, "retries")).isEqualTo(1);
        assertThat(count(after, "compensations") - count(before, "compensations")).isEqualTo(1);
        assertThat(count(after, "state_surface_writes")).isGreaterThan(count(before, "state_surface_writes"));
        assertThat(count(after, "state_surface_reads")).isGreaterThan(count(before, "state_surface_reads"));
        assertThat(count(after, "wal_appends")).isGreaterThan(count(before, "wal_appends"));

        JsonNode echoCompleted = timer(after.path("executions"), "diagnostics.echo", null, "completed");
        assertThat(echoCompleted.path("p50_ms").isNumber()).as("p50 of %s", echoCompleted).isTrue();
        assertThat(echoCompleted.path("p99_ms").asDouble()).isGreaterThanOrEqualTo(
                echoCompleted.path("p50_ms").asDouble());
        JsonNode failedSteps = after.path("steps");
        assertThat(failedSteps.toString()).contains("\"outcome\":\"failed\"").contains("\"outcome\":\"succeeded\"");
        JsonNode echo = capability(after, "diagnostics.echo");
        assertThat(echo.path("intents_accepted").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode runtime = after.path("runtime");
        assertThat(runtime.path("wal_size").asLong()).isPositive();
        assertThat(runtime.path("wal_size_bytes").asLong()).isPositive();
        assertThat(runtime.path("projection_lag").has("read-models")).as("lag of %s", runtime).isTrue();
        assertThat(runtime.path("wal_appends").path("count").asLong())
                .isGreaterThanOrEqualTo(count(after, "wal_appends"));

        String scrapeAfter = await("the scrape to show the executions", this::scrape,
                text -> sample(text, ECHO_COMPLETED_COUNT) >= sample(scrapeBefore, ECHO_COMPLETED_COUNT) + 2);
        assertThat(sample(scrapeAfter, ECHO_ACCEPTED) - sample(scrapeBefore, ECHO_ACCEPTED)).isEqualTo(3.0);
        assertThat(sample(scrapeAfter, ECHO_COMPLETED_COUNT) - sample(scrapeBefore, ECHO_COMPLETED_COUNT))
                .isEqualTo(2.0);
        assertThat(scrapeAfter).contains("runtime_step_duration_seconds_bucket{")
                .contains("runtime_retries_total{").contains("runtime_wal_size_events")
                .contains("runtime_projection_lag_events{processor=\"read-models\"}")
                .contains("runtime_state_surface_reads_total{");
    }

    @Test
    void axonsOwnMetersAreScraped() {
        String sessionId = createSession(SUBMITTER_A);
        awaitStatus(SUBMITTER_A, submitEcho(SUBMITTER_A, sessionId, Map.of()), "completed");

        String scrape = scrape();

        assertThat(scrape).contains("commandBus_successCounter_total{payloadType=\"SubmitIntentCommand\"}")
                .contains("commandBus_successTimer_seconds_count{payloadType=\"SubmitIntentCommand\"}")
                .contains("eventStore_ingestedCounter_total{payloadType=\"IntentAcceptedEvent\"}")
                .contains("eventProcessor_latency{processorName=\"read-models\"}")
                .contains("eventProcessor_successCounter_total{payloadType=\"IntentAcceptedEvent\","
                        + "processorName=\"read-models\"}")
                .contains("eventProcessor_successTimer_seconds_count{payloadType=\"IntentAcceptedEvent\","
                        + "processorName=\"read-models\"}");
    }

    /** Processors count the events they ignore, but time only the ones they handle, without percentiles. */
    @Test
    void eventProcessorsAreMeteredLeanly() {
        String sessionId = createSession(SUBMITTER_A);
        awaitStatus(SUBMITTER_A, submitEcho(SUBMITTER_A, sessionId, Map.of()), "completed");

        String scrape = scrape();

        assertThat(scrape).contains("eventProcessor_ignoredCounter_total{payloadType=\"SessionCreatedEvent\","
                        + "processorName=\"read-models\"}")
                .doesNotContain("eventProcessor_ignoredTimer")
                .doesNotContain("eventProcessor_allTimer")
                .doesNotContain("eventProcessor_capacity");
    }

    @Test
    void eachTenantSeesOnlyItsOwnWork() {
        JsonNode tenantBBefore = metrics(OPERATOR_B);
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("session_id", sessionId);
        probe.put("intent_type", LogProbeCapability.LOG_PROBE);
        probe.put("payload", Map.of());
        String probeRun = submit(SUBMITTER_A, probe).path("execution_id").asText();
        awaitStatus(SUBMITTER_A, probeRun, "completed");
        await("tenant a's figures to show the probe", () -> metrics(OPERATOR_A),
                now -> capability(now, LogProbeCapability.LOG_PROBE).path("intents_accepted").asLong() >= 1);

        JsonNode tenantB = metrics(OPERATOR_B);

        assertThat(tenantB.path("tenant_id").asText()).isEqualTo(TENANT_B);
        assertThat(tenantB.toString()).doesNotContain(LogProbeCapability.LOG_PROBE)
                .doesNotContain(LogProbeCapability.STEP).doesNotContain(TENANT_A);
        assertThat(count(tenantB, "intents_accepted")).isEqualTo(count(tenantBBefore, "intents_accepted"));
        assertThat(metrics(ADMIN_B).path("tenant_id").asText()).isEqualTo(TENANT_B);
    }

    @Test
    void aTenantsOperatorsScrapeOnlyTheirTenantsSeries() {
        String sessionId = createSession(SUBMITTER_A);
        awaitStatus(SUBMITTER_A, submitEcho(SUBMITTER_A, sessionId, Map.of()), "completed");
        await("the full scrape to show tenant a's work", this::scrape, now -> now.contains(ECHO_ACCEPTED));

        String tenantB = getAnyMediaType(PROMETHEUS, OPERATOR_B).body();
        String tenantA = getAnyMediaType(PROMETHEUS, OPERATOR_A).body();

        assertThat(tenantB).doesNotContain("tenant=\"" + TENANT_A + "\"").contains("runtime_wal_size_events");
        assertThat(tenantA).contains(ECHO_ACCEPTED);
        assertThat(tenantA.lines().filter(line -> line.contains("tenant=\""))
                .allMatch(line -> line.contains("tenant=\"" + TENANT_A + "\""))).isTrue();
    }

    @Test
    void pendingApprovalsFollowTheApprovalInbox() {
        publishPolicy(holdTransfers("PT1H"));
        String executionId = submitHeldTransfer(createSession(GOV_SUBMITTER));

        await("one approval pending for tenant-gov", () -> metrics(GOV_OPERATOR),
                now -> now.path("approvals_pending").asLong() == 1);
        assertThat(sample(scrape(), "runtime_approvals_pending{tenant=\"tenant-gov\"}")).isEqualTo(1.0);
        assertThat(metrics(OPERATOR_A).path("approvals_pending").asLong()).isZero();

        assertStatus(post("/execution/" + executionId + "/approve", GOV_APPROVER, Map.of("reason", "ok")), 202);

        await("no approval pending for tenant-gov", () -> metrics(GOV_OPERATOR),
                now -> now.path("approvals_pending").asLong() == 0);
        assertThat(scrape()).contains("runtime_approvals_pending{tenant=\"tenant-gov\"} 0.0");
    }

    @Test
    void metricsSummaryNeedsOperatorOrAdmin() {
        assertProblem(get("/runtime/metrics", null), 401, "UNAUTHENTICATED");
        assertProblem(get("/runtime/metrics", SUBMITTER_ONLY_A), 403, "FORBIDDEN");
        assertProblem(get("/runtime/metrics", AUDITOR_ONLY_A), 403, "FORBIDDEN");
        assertProblem(get("/runtime/metrics", APPROVER_A), 403, "FORBIDDEN");
        assertProblem(get("/runtime/metrics?tenant_id=" + TENANT_B, OPERATOR_A), 403, "TENANT_MISMATCH");
        assertStatus(get("/runtime/metrics?tenant_id=" + TENANT_A, OPERATOR_ONLY_A), 200);
    }

    @Test
    void prometheusScrapeNeedsOperatorAdminOrTheScrapeToken() {
        assertProblem(getAnyMediaType(PROMETHEUS, null), 401, "UNAUTHENTICATED");
        assertProblem(getWithAuthorization(PROMETHEUS, "Bearer not-the-token"), 401, "UNAUTHENTICATED");
        assertProblem(getAnyMediaType(PROMETHEUS, "no-such-key"), 401, "UNAUTHENTICATED");
        assertProblem(getAnyMediaType(PROMETHEUS, SUBMITTER_A), 403, "FORBIDDEN");
        assertProblem(getAnyMediaType(PROMETHEUS, AUDITOR_ONLY_A), 403, "FORBIDDEN");

        assertThat(getAnyMediaType(PROMETHEUS, OPERATOR_ONLY_A).body()).contains("runtime_wal_size_events");
        assertThat(getAnyMediaType(PROMETHEUS, ADMIN_B).body()).contains("runtime_wal_size_events");
        assertThat(scrape()).contains("runtime_wal_size_events");
    }

    @Test
    void healthGroupsIncludeTheDatabaseAndTheEventProcessors() {
        Response anonymous = get("/actuator/health/readiness", null);
        assertStatus(anonymous, 200);
        assertThat(anonymous.text("status")).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).as("details for anonymous callers: %s", anonymous)
                .isFalse();

        Response operator = get("/actuator/health/readiness", OPERATOR_ONLY_A);
        assertStatus(operator, 200);
        JsonNode components = operator.json().path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        JsonNode processors = components.path("eventProcessors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        assertThat(processors.path("details").path("processors").path("read-models").path("state").asText())
                .isEqualTo("running");
        assertThat(processors.path("details").path("processors").path("read-models").path("lag").isNumber()).isTrue();

        assertStatus(get("/actuator/health/liveness", null), 200);
        assertStatus(get("/health", null), 200);
    }

    private JsonNode metrics(String apiKey) {
        Response response = get("/runtime/metrics", apiKey);
        assertStatus(response, 200);
        return response.json();
    }

    private static long count(JsonNode metrics, String figure) {
        return metrics.path(figure).path("count").asLong();
    }

    private static long completed(JsonNode metrics) {
        return timer(metrics.path("executions"), "diagnostics.echo", null, "completed").path("count").asLong();
    }

    private static long compensatedCount(JsonNode metrics) {
        return timer(metrics.path("executions"), "diagnostics.echo", null, "compensated").path("count").asLong();
    }

    /** The timer row of a capability (and step) and outcome; a missing node when there is none yet. */
    private static JsonNode timer(JsonNode rows, String capability, String step, String outcome) {
        for (JsonNode row : rows) {
            if (row.path("capability").asText().equals(capability) && row.path("outcome").asText().equals(outcome)
                    && (step == null || row.path("step").asText().equals(step))) {
                return row;
            }
        }
        return JSON.missingNode();
    }

    private static JsonNode capability(JsonNode metrics, String name) {
        for (JsonNode row : metrics.path("capabilities")) {
            if (row.path("capability").asText().equals(name)) {
                return row;
            }
        }
        return JSON.missingNode();
    }
}
