package io.symphainy.runtime.api.http;

import static io.symphainy.runtime.api.http.AuditTimelineHttpTest.list;
import static io.symphainy.runtime.api.http.AuditTimelineHttpTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /execution/{id}/resume} end to end: a new execution of the same intent that reuses the recorded
 * outputs of the leading steps that completed and were not compensated, linked both ways, under the tenant's policy.
 * Policy cases use tenant-resume, whose policy no other test touches.
 */
class ResumeHttpTest extends HttpTestSupport {

    static final String RESUME_SUBMITTER = "http-test-resume-submitter";
    static final String RESUME_OPERATOR = "http-test-resume-operator";
    static final String RESUME_APPROVER = "http-test-resume-approver";
    static final String RESUME_ADMIN = "http-test-resume-admin";

    @Test
    void resumeReusesCompletedStepsAndStartsAtTheFirstThatDidNot() {
        String sessionId = createSession(SUBMITTER_A);
        String failed = failedProbe(SUBMITTER_A, sessionId);

        Response response = post("/execution/" + failed + "/resume", OPERATOR_A, null);

        assertStatus(response, 202);
        String resumed = response.text("execution_id");
        assertThat(resumed).isNotEqualTo(failed);
        assertThat(response.text("resumed_from")).isEqualTo(failed);
        assertThat(response.json().path("reused_steps").toString()).isEqualTo("[\"reserve\"]");
        assertThat(response.json().path("repeated").asBoolean()).isFalse();
        assertThat(response.headers().firstValue("Location")).hasValue("/execution/" + resumed + "/status");
        JsonNode state = awaitStatus(OPERATOR_A, resumed, "completed");
        assertThat(state.path("session_id").asText()).isEqualTo(sessionId);
        assertThat(state.path("intent_type").asText()).isEqualTo(ResumeProbeCapability.PROBE);
        assertThat(state.path("resumed_from").asText()).isEqualTo(failed);
        assertThat(step(state, 0).path("status").asText()).isEqualTo("reused");
        assertThat(step(state, 0).path("attempts").asInt()).isZero();
        assertThat(step(state, 1).path("status").asText()).isEqualTo("succeeded");
        assertThat(ResumeProbeCapability.runs("reserve", resumed)).isZero();
        assertThat(ResumeProbeCapability.runs("finish", resumed)).isEqualTo(1);
        // The resumed step saw the reused output exactly as a step of a normal run sees an earlier step's output.
        assertThat(step(state, 1).path("references").path("resumeprobe.seen").asText())
                .isEqualTo("token-" + failed);
        assertThat(step(state, 1).path("facts").path("reserved_by").asText()).isEqualTo(failed);
        assertThat(state.path("result_references").path("resumeprobe.token").asText()).isEqualTo("token-" + failed);
        JsonNode original = await("resumed_as on " + failed, () -> get("/execution/" + failed + "/status",
                OPERATOR_A).json(), json -> json.path("resumed_as").asText().equals(resumed));
        assertThat(original.path("status").asText()).isEqualTo("failed");

        JsonNode resumedAs = only(timeline("/execution/" + failed + "/timeline", "ExecutionResumedAsEvent"),
                "ExecutionResumedAsEvent");
        assertThat(resumedAs.path("summary").asText()).isEqualTo("resumed as execution " + resumed + " by olivia");
        List<JsonNode> newTimeline = timeline("/execution/" + resumed + "/timeline", "ExecutionCompletedEvent");
        assertThat(only(newTimeline, "ExecutionResumedFromEvent").path("summary").asText())
                .startsWith("resumes execution " + failed);
        assertThat(only(newTimeline, "StepOutputReusedEvent").path("step_name").asText()).isEqualTo("reserve");
        JsonNode audit = get("/audit/events?event_type=ExecutionResumedAsEvent&execution_id=" + failed, OPERATOR_A)
                .json();
        assertThat(audit.path("entries")).hasSize(1);
    }

    @Test
    void aCompensatedExecutionReusesNoCompensatedStep() {
        String compensated = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of("fail_permanently_at", 3));
        awaitStatus(SUBMITTER_A, compensated, "compensated");

        Response response = post("/execution/" + compensated + "/resume", OPERATOR_A, null);

        assertStatus(response, 202);
        assertThat(response.json().path("reused_steps")).isEmpty();
        JsonNode state = awaitStatus(OPERATOR_A, response.text("execution_id"), "compensated");
        assertThat(step(state, 0).path("attempts").asInt()).isEqualTo(1);
        assertThat(step(state, 0).path("compensation").path("status").asText()).isEqualTo("compensated");
        assertThat(state.path("resumed_from").asText()).isEqualTo(compensated);
    }

    @Test
    void aRepeatedResumeAnswersTheFirstResumedExecution() {
        String failed = failedProbe(SUBMITTER_A, createSession(SUBMITTER_A));

        Response first = post("/execution/" + failed + "/resume", OPERATOR_A, null);
        Response again = post("/execution/" + failed + "/resume", OPERATOR_ONLY_A, null);

        assertStatus(first, 202);
        assertStatus(again, 200);
        assertThat(again.text("execution_id")).isEqualTo(first.text("execution_id"));
        assertThat(again.json().path("repeated").asBoolean()).isTrue();
        awaitStatus(OPERATOR_A, first.text("execution_id"), "completed");
        assertThat(ResumeProbeCapability.runs("finish", first.text("execution_id"))).isEqualTo(1);
    }

    @Test
    void onlyFailedOrCompensatedExecutionsResume() {
        String sessionId = createSession(SUBMITTER_A);
        String completed = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "done"));
        awaitStatus(SUBMITTER_A, completed, "completed");
        String running = submitEcho(SUBMITTER_A, sessionId, Map.of("sleep_ms", 4000));
        awaitStatus(SUBMITTER_A, running, "running");

        assertProblem(post("/execution/" + completed + "/resume", OPERATOR_A, null), 409, "EXECUTION_NOT_RESUMABLE");
        assertProblem(post("/execution/" + running + "/resume", OPERATOR_A, null), 409, "EXECUTION_NOT_RESUMABLE");
        assertThat(absent(get("/execution/" + completed + "/status", OPERATOR_A).json().path("resumed_as"))).isTrue();
    }

    @Test
    void resumeIsForOperatorsOfTheSameTenant() {
        String failed = failedProbe(SUBMITTER_A, createSession(SUBMITTER_A));
        String path = "/execution/" + failed + "/resume";
        for (String key : List.of(SUBMITTER_A, SUBMITTER_ONLY_A, AUDITOR_ONLY_A, APPROVER_A)) {
            assertProblem(post(path, key, null), 403, "FORBIDDEN");
        }
        assertProblem(post(path, null, null), 401, "UNAUTHENTICATED");
        assertProblem(post(path, OPERATOR_B, null), 404, "EXECUTION_NOT_FOUND");
        assertProblem(post("/execution/" + UUID.randomUUID() + "/resume", OPERATOR_A, null), 404,
                "EXECUTION_NOT_FOUND");
        assertThat(absent(get("/execution/" + failed + "/status", OPERATOR_A).json().path("resumed_as"))).isTrue();
    }

    @Test
    void theTenantsPolicyDecidesOnTheResumedExecution() {
        publishResumePolicy("REQUIRE_APPROVAL");
        String failed = failedProbe(RESUME_SUBMITTER, createSession(RESUME_SUBMITTER));

        Response held = post("/execution/" + failed + "/resume", RESUME_OPERATOR, null);

        assertStatus(held, 202);
        assertThat(held.text("status")).isEqualTo("awaiting_approval");
        String resumed = held.text("execution_id");
        assertStatus(post("/execution/" + resumed + "/approve", RESUME_APPROVER, Map.of("reason", "go")), 202);
        JsonNode state = awaitStatus(RESUME_OPERATOR, resumed, "completed");
        assertThat(state.path("policy_decision").asText()).isEqualTo("REQUIRE_APPROVAL");
        assertThat(step(state, 0).path("status").asText()).isEqualTo("reused");
        assertThat(ResumeProbeCapability.runs("reserve", resumed)).isZero();
    }

    @Test
    void aResumptionThePolicyDeniesIsRecordedAndLinked() {
        publishResumePolicy("DENY");
        String failed = failedProbe(RESUME_SUBMITTER, createSession(RESUME_SUBMITTER));

        JsonNode problem = assertProblem(post("/execution/" + failed + "/resume", RESUME_OPERATOR, null), 403,
                "POLICY_DENIED");

        String denied = problem.path("execution_id").asText();
        assertThat(problem.path("rule").asText()).isEqualTo("operators-resume");
        JsonNode state = get("/execution/" + denied + "/status", RESUME_OPERATOR).json();
        assertThat(state.path("status").asText()).isEqualTo("rejected");
        assertThat(await("resumed_from on " + denied, () -> get("/execution/" + denied + "/status", RESUME_OPERATOR)
                .json(), json -> json.path("resumed_from").asText().equals(failed)).path("rejection_code").asText())
                .isEqualTo("POLICY_DENIED");
        assertThat(ResumeProbeCapability.runs("finish", denied)).isZero();
    }

    /** Runs the probe so that reserve completes and finish fails for good; returns the failed execution's id. */
    private String failedProbe(String submitterKey, String sessionId) {
        String key = "k-" + UUID.randomUUID();
        ResumeProbeCapability.FAILING.add(key);
        String executionId = submit(submitterKey, Map.of("session_id", sessionId, "intent_type",
                ResumeProbeCapability.PROBE, "payload", Map.of("key", key))).path("execution_id").asText();
        JsonNode state = awaitStatus(submitterKey, executionId, "failed");
        assertThat(step(state, 0).path("status").asText()).isEqualTo("succeeded");
        assertThat(state.path("error_code").asText()).isEqualTo("PROBE_FAILED");
        ResumeProbeCapability.FAILING.remove(key);
        return executionId;
    }

    /** Operators' resumptions of the probe get the given decision; the submitter's own intents are allowed. */
    private void publishResumePolicy(String decision) {
        String yaml = """
                default: ALLOW
                rules:
                  - name: operators-resume
                    decision: %s
                    match:
                      intent_type: "resumeprobe.*"
                      roles_any: [operator]
                """.formatted(decision);
        assertStatus(send("PUT", "/policy", RESUME_ADMIN, HttpRequest.BodyPublishers.ofString(yaml),
                "application/yaml"), 201);
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private List<JsonNode> timeline(String path, String eventType) {
        return list(await(path + " to contain " + eventType, () -> get(path, OPERATOR_A).json(),
                json -> eventTypes(list(json)).contains(eventType)));
    }
}
