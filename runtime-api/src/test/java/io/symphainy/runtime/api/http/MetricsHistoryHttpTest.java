package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /runtime/metrics/history} over HTTP: samples taken every second (the tests' interval) show the rates and
 * step durations of executions run here, only to the tenant's operators and admins, within the bounds asked for.
 */
class MetricsHistoryHttpTest extends ObservabilityHttpTestSupport {

    private static final String HISTORY = "/runtime/metrics/history";

    @Test
    void samplesShowTheRatesAndStepDurationsOfTheTenantsExecutions() {
        Instant start = Instant.now();
        String sessionId = createSession(SUBMITTER_A);
        String plain = submitEcho(SUBMITTER_A, sessionId, Map.of("sleep_ms", 250));
        String retried = submitEcho(SUBMITTER_A, sessionId, Map.of("sleep_ms", 250, "fail_times", 1));
        String compensated = submitEcho(SUBMITTER_A, sessionId, Map.of("sleep_ms", 250, "fail_permanently_at", 3));
        awaitStatus(SUBMITTER_A, plain, "completed");
        awaitStatus(SUBMITTER_A, retried, "completed");
        awaitStatus(SUBMITTER_A, compensated, "compensated");

        List<JsonNode> echo = await("three echo executions in the history", () -> echoRows(history(OPERATOR_A, start)),
                rows -> total(rows, "executions_finished_per_second") >= 3 && total(rows, "steps_per_second") >= 10);

        assertThat(total(echo, "executions_per_second")).isEqualTo(3);
        assertThat(total(echo, "executions_finished_per_second")).isEqualTo(3);
        // 3 + 4 (one retry) + 3 (the third step fails for good) forward attempts.
        assertThat(total(echo, "steps_per_second")).isEqualTo(10);
        assertThat(total(echo, "retries_per_second")).isEqualTo(1);
        assertThat(total(echo, "compensations_per_second")).isEqualTo(1);
        List<JsonNode> timed = echo.stream().filter(row -> row.path("step_p50_ms").isNumber()).toList();
        assertThat(timed).isNotEmpty().allSatisfy(row -> {
            assertThat(row.path("step_p50_ms").asDouble()).as("p50 of steps sleeping 250 ms").isBetween(200.0, 400.0);
            assertThat(row.path("step_p95_ms").asDouble()).isGreaterThanOrEqualTo(row.path("step_p50_ms").asDouble());
            assertThat(row.path("step_p99_ms").asDouble()).isGreaterThanOrEqualTo(row.path("step_p95_ms").asDouble());
        });

        // The runtime-wide figures are the gauges' (runtime.metrics.gauge-refresh): they follow within a refresh.
        JsonNode latest = await("the gauges to show the event store", () -> last(history(OPERATOR_A, start)
                .path("samples")), sample -> sample.path("runtime").path("wal_size").asLong() > 0);
        assertThat(latest.path("runtime").path("wal_size_bytes").asLong()).isPositive();
        assertThat(latest.path("runtime").path("projection_lag").has("read-models")).isTrue();
    }

    @Test
    void anotherTenantsOperatorSeesNoneOfTheTenantsSeries() {
        Instant start = Instant.now();
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("session_id", createSession(SUBMITTER_A));
        probe.put("intent_type", LogProbeCapability.LOG_PROBE);
        probe.put("payload", Map.of());
        awaitStatus(SUBMITTER_A, submit(SUBMITTER_A, probe).path("execution_id").asText(), "completed");
        await("the probe in tenant a's history", () -> history(OPERATOR_A, start).toString(),
                text -> text.contains(LogProbeCapability.LOG_PROBE));

        JsonNode tenantB = history(ADMIN_B, start);

        assertThat(tenantB.path("tenant_id").asText()).isEqualTo(TENANT_B);
        assertThat(tenantB.path("samples")).isNotEmpty();
        assertThat(tenantB.toString()).doesNotContain(LogProbeCapability.LOG_PROBE).doesNotContain(TENANT_A);
        assertThat(history(OPERATOR_B, start).toString()).doesNotContain(LogProbeCapability.LOG_PROBE);
    }

    @Test
    void theHistoryNeedsOperatorOrAdminOfTheCallersTenant() {
        assertProblem(get(HISTORY, null), 401, "UNAUTHENTICATED");
        assertProblem(get(HISTORY, "no-such-key"), 401, "UNAUTHENTICATED");
        assertProblem(get(HISTORY, SUBMITTER_ONLY_A), 403, "FORBIDDEN");
        assertProblem(get(HISTORY, AUDITOR_ONLY_A), 403, "FORBIDDEN");
        assertProblem(get(HISTORY, APPROVER_A), 403, "FORBIDDEN");
        assertProblem(get(HISTORY + "?tenant_id=" + TENANT_B, OPERATOR_A), 403, "TENANT_MISMATCH");
        assertStatus(get(HISTORY + "?tenant_id=" + TENANT_A, OPERATOR_ONLY_A), 200);
        assertStatus(get(HISTORY, ADMIN_B), 200);
    }

    @Test
    void malformedParametersAreProblemsNamingThem() {
        assertInvalid(HISTORY + "?since=yesterday", "since");
        assertInvalid(HISTORY + "?limit=0", "limit");
        assertInvalid(HISTORY + "?limit=ten", "limit");
        int max = history(OPERATOR_A, null).path("max_samples").asInt();
        assertInvalid(HISTORY + "?limit=" + (max + 1), "limit");
    }

    @Test
    void answersAreBoundedByTheRetentionAndTheLimitAndComeOldestFirst() {
        await("a few samples", () -> history(OPERATOR_A, null).path("samples"), samples -> samples.size() >= 3);

        JsonNode all = history(OPERATOR_A, null);
        JsonNode two = get(HISTORY + "?limit=2", OPERATOR_A).json();

        assertThat(all.path("interval_seconds").asDouble()).isEqualTo(1.0);
        assertThat(all.path("max_samples").asInt()).isEqualTo(all.path("retention_seconds").asInt());
        assertThat(all.path("samples").size()).isBetween(3, all.path("max_samples").asInt());
        assertThat(two.path("samples").size()).isEqualTo(2);
        List<Instant> times = new ArrayList<>();
        all.path("samples").forEach(sample -> times.add(Instant.parse(sample.path("at").asText())));
        assertThat(times).isSorted();
        Instant newest = times.get(times.size() - 1);
        assertThat(Instant.parse(last(two.path("samples")).path("at").asText())).isAfterOrEqualTo(newest);
        JsonNode after = get(HISTORY + "?since=" + newest, OPERATOR_A).json().path("samples");
        after.forEach(sample -> assertThat(Instant.parse(sample.path("at").asText())).isAfter(newest));
    }

    private void assertInvalid(String path, String parameter) {
        JsonNode problem = assertProblem(get(path, OPERATOR_A), 400, "INVALID_REQUEST");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(parameter);
    }

    private JsonNode history(String apiKey, Instant since) {
        Response response = get(since == null ? HISTORY : HISTORY + "?since=" + since, apiKey);
        assertStatus(response, 200);
        return response.json();
    }

    private static List<JsonNode> echoRows(JsonNode history) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode sample : history.path("samples")) {
            for (JsonNode row : sample.path("capabilities")) {
                if (row.path("capability").asText().equals(ECHO)) {
                    rows.add(((ObjectNode) row.deepCopy())
                            .put("seconds", sample.path("seconds").asDouble()));
                }
            }
        }
        return rows;
    }

    /** The count behind a rate over the samples: rate × interval, summed and rounded to whole events. */
    private static long total(List<JsonNode> rows, String rate) {
        return Math.round(rows.stream().mapToDouble(row -> row.path(rate).asDouble() * row.path("seconds")
                .asDouble()).sum());
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
