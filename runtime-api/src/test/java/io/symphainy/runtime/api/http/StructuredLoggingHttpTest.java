package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * With {@code runtime.logging.format=json} every console line is a JSON object, and the lines logged while a request
 * is served or a step runs carry the tenant, session and execution (and, in a step, the step and attempt).
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingHttpTest extends ObservabilityHttpTestSupport {

    @Test
    void linesLoggedWhileAStepRunsCarryItsIds(CapturedOutput output) {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("session_id", sessionId);
        intent.put("intent_type", LogProbeCapability.LOG_PROBE);
        intent.put("payload", Map.of());
        String executionId = submit(SUBMITTER_A, intent).path("execution_id").asText();
        awaitStatus(SUBMITTER_A, executionId, "completed");

        JsonNode line = await("the probe step's log line", () -> line(output, LogProbeCapability.MESSAGE,
                executionId, null), found -> !found.isMissingNode());

        assertThat(line.path("tenant_id").asText()).isEqualTo(TENANT_A);
        assertThat(line.path("session_id").asText()).isEqualTo(sessionId);
        assertThat(line.path("step").asText()).isEqualTo(LogProbeCapability.STEP);
        assertThat(line.path("attempt").asText()).isEqualTo("1");
        assertThat(line.path("log").path("level").asText()).isEqualTo("INFO");
    }

    @Test
    void linesLoggedWhileARequestIsServedCarryTheCallerAndThePathsIds(CapturedOutput output) {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of());
        awaitStatus(SUBMITTER_A, executionId, "completed");

        assertStatus(get("/execution/" + executionId + "/status", OPERATOR_A), 200);

        JsonNode line = await("a response writer's line for the operator's status request", () -> line(output,
                "Writing [", executionId, "olivia"), found -> !found.isMissingNode());
        assertThat(line.path("tenant_id").asText()).isEqualTo(TENANT_A);
        assertThat(line.path("log").path("logger").asText()).startsWith("org.springframework.web.servlet");
        List<JsonNode> all = lines(output);
        assertThat(all).as("every console line is JSON").isNotEmpty();
    }

    /** The first JSON line with this message start, execution_id and user_id (any user when null). */
    private static JsonNode line(CapturedOutput output, String message, String executionId, String userId) {
        return lines(output).stream()
                .filter(line -> line.path("message").asText().startsWith(message))
                .filter(line -> executionId.equals(line.path("execution_id").asText()))
                .filter(line -> userId == null || userId.equals(line.path("user_id").asText()))
                .findFirst().orElse(JSON.missingNode());
    }

    /** Every line of the console output, each parsed as JSON; fails on a line that is not JSON. */
    private static List<JsonNode> lines(CapturedOutput output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(JSON.readTree(line));
            } catch (JsonProcessingException notJson) {
                throw new AssertionError("console line is not JSON: " + line, notJson);
            }
        }
        return lines;
    }
}
