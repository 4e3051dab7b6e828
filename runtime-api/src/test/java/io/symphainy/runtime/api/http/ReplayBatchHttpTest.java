package io.symphainy.runtime.api.http;

import static io.symphainy.runtime.api.http.ResumeHttpTest.RESUME_ADMIN;
import static io.symphainy.runtime.api.http.ResumeHttpTest.RESUME_OPERATOR;
import static io.symphainy.runtime.api.http.ResumeHttpTest.RESUME_SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /replay/batch} end to end on tenant-resume: a filter over the caller's tenant (capability, status,
 * time range, failing step), dry runs that only list, the batch limit, the rate limit, and per-execution outcomes of
 * the same audited actions as the single endpoints. Each test filters from its own start, so it sees only its own
 * executions.
 */
class ReplayBatchHttpTest extends HttpTestSupport {

    private Instant from;

    @BeforeEach
    void allowEverything() {
        assertStatus(send("PUT", "/policy", RESUME_ADMIN, HttpRequest.BodyPublishers.ofString("default: ALLOW\n"),
                "application/yaml"), 201);
        from = Instant.now();
    }

    @Test
    void aDryRunCountsAndListsWithinTheLimitAndActsOnNothing() {
        List<String> failed = failedProbes(3);

        JsonNode answer = batch(RESUME_OPERATOR, Map.of("action", "resume", "dry_run", true, "limit", 2,
                "filter", filter("failed", null)));

        assertThat(answer.path("matched").asInt()).isEqualTo(3);
        assertThat(answer.path("truncated").asBoolean()).isTrue();
        assertThat(ids(answer)).containsExactlyElementsOf(failed.subList(0, 2));
        answer.path("outcomes").forEach(outcome -> assertThat(outcome.path("result").asText()).isEqualTo("listed"));
        for (String id : failed) {
            JsonNode state = get("/execution/" + id + "/status", RESUME_OPERATOR).json();
            assertThat(state.path("resumed_as").isMissingNode() || state.path("resumed_as").isNull()).isTrue();
        }
    }

    @Test
    void aResumeBatchResumesEveryMatchAtTheGivenRate() {
        List<String> failed = failedProbes(3);

        long started = System.nanoTime();
        JsonNode answer = batch(RESUME_OPERATOR, Map.of("action", "resume", "rate_per_second", 2,
                "filter", filter("failed", "finish")));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.path("matched").asInt()).isEqualTo(3);
        assertThat(answer.path("truncated").asBoolean()).isFalse();
        assertThat(ids(answer)).containsExactlyElementsOf(failed);
        // Three executions at two per second: the third may start only a second after the first.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(1000);
        for (JsonNode outcome : answer.path("outcomes")) {
            assertThat(outcome.path("result").asText()).as("%s", outcome).isEqualTo("resumed");
            JsonNode resumed = awaitStatus(RESUME_OPERATOR, outcome.path("resumed_as").asText(), "completed");
            assertThat(resumed.path("resumed_from").asText()).isEqualTo(outcome.path("execution_id").asText());
            assertThat(step(resumed, 0).path("status").asText()).isEqualTo("reused");
        }
        JsonNode again = batch(RESUME_OPERATOR, Map.of("action", "resume", "filter", filter("failed", "finish")));
        again.path("outcomes").forEach(outcome -> assertThat(outcome.path("detail").asText()).isEqualTo("completed"));
    }

    @Test
    void aReplayBatchReplaysAndRecordsEachMatch() {
        List<String> failed = failedProbes(2);

        JsonNode answer = batch(RESUME_OPERATOR, Map.of("action", "replay", "mode", "state_only", "policy", "current",
                "filter", filter("failed", "finish")));

        assertThat(ids(answer)).containsExactlyElementsOf(failed);
        for (JsonNode outcome : answer.path("outcomes")) {
            assertThat(outcome.path("result").asText()).isEqualTo("replayed");
            assertThat(outcome.path("detail").asText()).contains("policy today: ALLOW");
            String path = "/execution/" + outcome.path("execution_id").asText() + "/timeline";
            await(path + " to show the replay", () -> get(path, RESUME_OPERATOR).json().toString(),
                    body -> body.contains("ExecutionReplayedEvent"));
        }
        assertThat(batch(RESUME_OPERATOR, Map.of("action", "replay", "mode", "events_only", "filter",
                filter("failed", "reserve"))).path("matched").asInt()).isZero();
    }

    @Test
    void batchesAreForOperatorsAndNeverReachAnotherTenant() {
        failedProbes(1);
        Map<String, Object> dryRun = Map.of("action", "resume", "dry_run", true, "filter", filter("failed", null));
        for (String key : List.of(RESUME_SUBMITTER, ResumeHttpTest.RESUME_APPROVER, RESUME_ADMIN, AUDITOR_ONLY_A)) {
            assertProblem(post("/replay/batch", key, dryRun), 403, "FORBIDDEN");
        }
        assertProblem(post("/replay/batch", null, dryRun), 401, "UNAUTHENTICATED");
        assertThat(batch(OPERATOR_B, dryRun).path("matched").asInt()).isZero();
        assertThat(batch(RESUME_OPERATOR, dryRun).path("matched").asInt()).isEqualTo(1);
    }

    @Test
    void invalidBatchesAreRefused() {
        assertProblem(post("/replay/batch", RESUME_OPERATOR, Map.of("action", "explode")), 400, "INVALID_REQUEST");
        assertProblem(post("/replay/batch", RESUME_OPERATOR, Map.of("action", "replay")), 400, "INVALID_REQUEST");
        assertProblem(post("/replay/batch", RESUME_OPERATOR, Map.of("action", "resume", "mode", "full")), 400,
                "INVALID_REQUEST");
        assertProblem(post("/replay/batch", RESUME_OPERATOR, Map.of("action", "resume", "filter",
                Map.of("status", "weird"))), 400, "INVALID_REQUEST");
        assertProblem(post("/replay/batch", RESUME_OPERATOR, Map.of("action", "resume", "limit", 0)), 400,
                "INVALID_REQUEST");
    }

    private Map<String, Object> filter(String status, String failedStep) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("capability", ResumeProbeCapability.PROBE);
        filter.put("status", status);
        filter.put("from", from.toString());
        if (failedStep != null) {
            filter.put("failed_step", failedStep);
        }
        return filter;
    }

    private JsonNode batch(String apiKey, Map<String, Object> body) {
        Response response = post("/replay/batch", apiKey, body);
        assertStatus(response, 200);
        return response.json();
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("outcomes").forEach(outcome -> ids.add(outcome.path("execution_id").asText()));
        return ids;
    }

    /** Runs the probe so that it fails at finish, the given number of times, one after the other. */
    private List<String> failedProbes(int count) {
        String sessionId = createSession(RESUME_SUBMITTER);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "batch-" + UUID.randomUUID();
            ResumeProbeCapability.FAILING.add(key);
            String id = submit(RESUME_SUBMITTER, Map.of("session_id", sessionId, "intent_type",
                    ResumeProbeCapability.PROBE, "payload", Map.of("key", key))).path("execution_id").asText();
            awaitStatus(RESUME_SUBMITTER, id, "failed");
            ResumeProbeCapability.FAILING.remove(key);
            ids.add(id);
        }
        return ids;
    }
}
