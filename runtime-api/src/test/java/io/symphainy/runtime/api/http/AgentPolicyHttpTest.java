package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tenant's policy governs agents: its {@code validate_citations} obligation switches the citation check on (and
 * {@code policy: "current"} in a replay says whether today's rule would pass a recorded answer), and a tool the
 * policy denies fails the agent's gathering step. Uses a tenant of its own, so its policies touch no other test.
 */
class AgentPolicyHttpTest extends ContentHttpTestSupport {

    private static final String AGENTS = "http-test-agents-admin";
    private static final String QUESTION = "What colour is the harbour ferry?";

    @Test
    void theValidateCitationsObligationSwitchesTheCheckOnAndReplayJudgesARecordedAnswerByTodaysRule() {
        String session = createSession(AGENTS);
        awaitStatus(AGENTS, uploadFile(AGENTS, session, "ferry.txt",
                "The harbour ferry is painted bright yellow. It sails every hour.".getBytes(StandardCharsets.UTF_8)),
                "completed");
        JsonNode before = awaitStatus(AGENTS, ask(session), "completed");
        assertThat(step(before, 2).path("facts").path("validation").path("required").asBoolean()).isFalse();

        publish("""
                default: ALLOW
                rules:
                  - name: cite-answers
                    decision: ALLOW
                    match: {intent_type: content.answer}
                    obligations: [validate_citations]
                """);
        Response evaluated = post("/policy/evaluate", AGENTS, Map.of("intent_type", "content.answer",
                "payload", Map.of("question", QUESTION)));
        assertStatus(evaluated, 200);
        assertThat(evaluated.json().path("obligations").toString()).isEqualTo("[\"validate_citations\"]");
        JsonNode after = awaitStatus(AGENTS, ask(session), "completed");

        JsonNode validation = step(after, 2).path("facts").path("validation");
        assertThat(validation.path("required").asBoolean()).isTrue();
        assertThat(validation.path("passed").asBoolean()).isTrue();
        assertThat(step(after, 2).path("facts").path("answer").asText()).contains("bright yellow");

        Response replayed = post("/execution/" + before.path("execution_id").asText() + "/replay", AGENTS,
                Map.of("mode", "full", "policy", "current"));
        assertStatus(replayed, 200);
        JsonNode policy = replayed.json().path("policy");
        assertThat(policy.path("obligations_then")).isEmpty();
        assertThat(policy.path("obligations_now").get(0).asText()).isEqualTo("validate_citations");
        assertThat(policy.path("citations_would_pass").asBoolean()).isTrue();
        assertThat(policy.path("reasons").toString()).contains("citation validation is required today; the "
                + "recorded answer passes it");
    }

    @Test
    void aToolThePolicyDeniesFailsTheGatheringStepAndNothingIsSearched() {
        String session = createSession(AGENTS);
        publish("""
                default: ALLOW
                rules:
                  - name: no-search
                    decision: DENY
                    match: {intent_type: content.search}
                """);
        try {
            JsonNode state = awaitStatus(AGENTS, ask(session), "failed", "compensated");

            assertThat(state.path("error_code").asText()).isEqualTo("AGENT_TOOL_DENIED");
            assertThat(step(state, 0).path("last_error_message").asText()).contains("no-search");
        } finally {
            publish("default: ALLOW\nrules: []\n");
        }
    }

    private void publish(String yaml) {
        assertStatus(send("PUT", "/policy", AGENTS, HttpRequest.BodyPublishers.ofString(yaml), "application/yaml"),
                201);
    }

    private String ask(String session) {
        return submit(AGENTS, Map.of("session_id", session, "intent_type", "content.answer",
                "payload", Map.of("question", QUESTION))).path("execution_id").asText();
    }
}
