package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /capabilities} end to end: what the Curator registered, as clients discover it.
 */
class CapabilityHttpTest extends HttpTestSupport {

    @Test
    void listsDiagnosticsEchoWithItsContract() {
        Response response = get("/capabilities", SUBMITTER_A);

        assertStatus(response, 200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode echo = capability(response.json(), ECHO);
        assertThat(echo.path("realm").asText()).isEqualTo("diagnostics");
        assertThat(echo.path("intent_types").isArray()).isTrue();
        assertThat(echo.path("intent_types")).hasSize(1);
        assertThat(echo.path("intent_types").get(0).asText()).isEqualTo(ECHO);
        assertThat(echo.path("risk_level").asText()).isEqualTo("LOW");
        assertThat(echo.path("deterministic").asBoolean(false)).isTrue();

        JsonNode schema = echo.path("input_schema");
        assertThat(schema.isObject()).as("input_schema is a JSON object, not a string: %s", schema).isTrue();
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("properties").has("fail_times")).isTrue();
        assertThat(schema.path("properties").has("fail_permanently_at")).isTrue();
        assertThat(schema.path("properties").has("sleep_ms")).isTrue();
        assertThat(schema.path("properties").has("message")).isTrue();

        JsonNode steps = echo.path("steps");
        assertThat(steps).hasSize(3);
        for (int index = 0; index < 3; index++) {
            JsonNode step = steps.get(index);
            assertThat(step.path("index").asInt(-1)).isEqualTo(index);
            assertThat(step.path("name").asText()).isEqualTo("step" + (index + 1));
            assertThat(step.path("side_effect").asText()).isEqualTo("PURE");
            assertThat(step.path("compensable").asBoolean()).as("step %d", index).isEqualTo(index < 2);
        }

        JsonNode retry = echo.path("retry_policy");
        assertThat(retry.path("max_attempts").asInt()).isEqualTo(3);
        assertThat(retry.path("initial_delay_ms").asLong()).isEqualTo(200);
        assertThat(retry.path("multiplier").asDouble()).isEqualTo(2.0);
        assertThat(retry.path("max_delay_ms").asLong()).isEqualTo(2000);
    }

    @Test
    void listsEachVersionWithTheCallersExecutionsInFlight() {
        JsonNode echo = capability(get("/capabilities", SUBMITTER_A).json(), ECHO);

        assertThat(echo.path("version").asText()).isEqualTo("1");
        assertThat(echo.path("versions")).hasSize(1);
        assertThat(echo.path("versions").get(0).path("version").asText()).isEqualTo("1");
        assertThat(echo.path("versions").get(0).path("registered").asBoolean()).isTrue();
        assertThat(echo.path("versions").get(0).path("in_flight").isIntegralNumber()).isTrue();
    }

    @Test
    void refusesAnIntentOrResumptionAskingForAVersionNoNodeHereHasAndRecordsNothing() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = new LinkedHashMap<>(echoIntent(sessionId, Map.of()));
        intent.put("capability_version", "2");

        assertProblem(post("/intent/submit", SUBMITTER_A, intent), 422, "UNKNOWN_CAPABILITY_VERSION");
        intent.put("capability_version", "two");
        assertProblem(post("/intent/submit", SUBMITTER_A, intent), 400, "INVALID_REQUEST");
        assertThat(get("/executions?session_id=" + sessionId, SUBMITTER_A).json().path("executions")).isEmpty();

        String failed = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_permanently_at", 1));
        awaitStatus(SUBMITTER_A, failed, "compensated", "failed");
        assertProblem(post("/execution/" + failed + "/resume", OPERATOR_A, Map.of("capability_version", "1.x")), 400,
                "INVALID_REQUEST");
        assertProblem(post("/execution/" + failed + "/resume", OPERATOR_A, Map.of("capability_version", "3")), 422,
                "UNKNOWN_CAPABILITY_VERSION");
        assertThat(get("/execution/" + failed + "/status", OPERATOR_A).json().path("resumed_as").isMissingNode()
                || get("/execution/" + failed + "/status", OPERATOR_A).json().path("resumed_as").isNull())
                .as("a refused resumption records nothing").isTrue();
    }

    @Test
    void anyRoleMayListCapabilities() {
        for (String key : new String[] {OPERATOR_ONLY_A, AUDITOR_ONLY_A, APPROVER_A, SUBMITTER_B}) {
            Response response = get("/capabilities", key);
            assertStatus(response, 200);
            capability(response.json(), ECHO);
        }
    }

    @Test
    void listingNeedsAValidKey() {
        assertProblem(get("/capabilities", null), 401, "UNAUTHENTICATED");
        assertProblem(get("/capabilities", "wrong-key"), 401, "UNAUTHENTICATED");
    }

    private static JsonNode capability(JsonNode body, String name) {
        assertThat(body.path("capabilities").isArray()).as("capabilities in %s", body).isTrue();
        for (JsonNode capability : body.path("capabilities")) {
            if (name.equals(capability.path("name").asText())) {
                return capability;
            }
        }
        throw new AssertionError("no capability " + name + " in " + body);
    }
}
