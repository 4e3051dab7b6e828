package io.symphainy.runtime.api.http;

import static io.symphainy.runtime.api.http.ResumeHttpTest.RESUME_ADMIN;
import static io.symphainy.runtime.api.http.ResumeHttpTest.RESUME_OPERATOR;
import static io.symphainy.runtime.api.http.ResumeHttpTest.RESUME_SUBMITTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /execution/{id}/replay} with {@code policy: "current"}: the recorded decision beside the one the
 * tenant's policy of today takes, in any mode. Uses tenant-resume, whose policy only these tests publish.
 */
class ReplayPolicyHttpTest extends HttpTestSupport {

    @Test
    void reportsThatTodaysPolicyWouldDecideDifferently() {
        int then = publish("ALLOW");
        String executionId = completedEcho();
        int now = publish("DENY");

        Response response = post("/execution/" + executionId + "/replay", RESUME_OPERATOR,
                Map.of("mode", "events_only", "policy", "current"));

        assertStatus(response, 200);
        JsonNode policy = response.json().path("policy");
        assertThat(policy.path("recorded_decision").asText()).isEqualTo("ALLOW");
        assertThat(policy.path("current_decision").asText()).isEqualTo("DENY");
        assertThat(policy.path("would_differ").asBoolean()).isTrue();
        assertThat(policy.path("policy_version_then").asInt()).isEqualTo(then);
        assertThat(policy.path("policy_version_now").asInt()).isEqualTo(now);
        assertThat(policy.path("reasons").toString()).contains("echo-rule").contains("changed from version " + then);
        assertThat(response.json().path("events").size()).isPositive();
        assertThat(response.text("outcome")).endsWith("policy today: DENY (differs from recorded ALLOW)");
        assertThat(get("/execution/" + executionId + "/status", RESUME_OPERATOR).text("status"))
                .isEqualTo("completed");
    }

    @Test
    void reportsNoDifferenceWhenTodaysPolicyAgreesInEveryMode() {
        publish("ALLOW");
        String executionId = completedEcho();

        for (String mode : new String[] {"events_only", "state_only", "full"}) {
            Response response = post("/execution/" + executionId + "/replay", RESUME_OPERATOR,
                    Map.of("mode", mode, "policy", "current"));
            assertStatus(response, 200);
            assertThat(response.json().path("policy").path("would_differ").asBoolean()).as(mode).isFalse();
            assertThat(response.json().path("policy").path("current_decision").asText()).isEqualTo("ALLOW");
        }
        Response without = post("/execution/" + executionId + "/replay", RESUME_OPERATOR, Map.of("mode", "full"));
        assertThat(without.json().path("policy").isMissingNode() || without.json().path("policy").isNull()).isTrue();
    }

    @Test
    void anUnknownPolicyValueIsRefused() {
        publish("ALLOW");
        String executionId = completedEcho();
        assertProblem(post("/execution/" + executionId + "/replay", RESUME_OPERATOR,
                Map.of("mode", "full", "policy", "yesterday")), 400, "INVALID_REQUEST");
        assertProblem(post("/execution/" + executionId + "/replay", OPERATOR_B,
                Map.of("mode", "full", "policy", "current")), 404, "EXECUTION_NOT_FOUND");
        assertProblem(post("/execution/" + executionId + "/replay", RESUME_SUBMITTER,
                Map.of("mode", "full", "policy", "current")), 403, "FORBIDDEN");
    }

    private String completedEcho() {
        String executionId = submitEcho(RESUME_SUBMITTER, createSession(RESUME_SUBMITTER), Map.of("message", "p"));
        awaitStatus(RESUME_SUBMITTER, executionId, "completed");
        return executionId;
    }

    /** Publishes a policy whose rule decides echo intents as given; returns its version. */
    private int publish(String echoDecision) {
        String yaml = """
                default: ALLOW
                rules:
                  - name: echo-rule
                    decision: %s
                    match:
                      intent_type: "diagnostics.*"
                """.formatted(echoDecision);
        Response response = send("PUT", "/policy", RESUME_ADMIN, HttpRequest.BodyPublishers.ofString(yaml),
                "application/yaml");
        assertStatus(response, 201);
        return response.json().path("version").asInt();
    }
}
