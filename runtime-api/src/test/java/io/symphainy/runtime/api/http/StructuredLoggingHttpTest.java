package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

/**
 * With {@code runtime.logging.format=json} every console line is a JSON object, and the lines logged while a request
 * is served or a step runs carry the tenant, session and execution (and, in a step, the step and attempt).
 *
 * <p>The logging system is one per JVM and each context that starts configures it again, so this class starts its
 * context afresh rather than reuse one that a later context's logging configuration has since replaced.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class StructuredLoggingHttpTest extends ObservabilityHttpTestSupport {

    /** Spring Boot's default console layout: an ISO timestamp, then the level. */
    private static final Pattern PLAIN_LOG_LINE =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z? +(TRACE|DEBUG|INFO|WARN|ERROR) ");

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
    }

    /** The first JSON line with this message start, execution_id and user_id (any user when null). */
    private static JsonNode line(CapturedOutput output, String message, String executionId, String userId) {
        return lines(output).stream()
                .filter(line -> line.path("message").asText().startsWith(message))
                .filter(line -> executionId.equals(line.path("execution_id").asText()))
                .filter(line -> userId == null || userId.equals(line.path("user_id").asText()))
                .findFirst().orElse(JSON.missingNode());
    }

    /**
     * The log lines of the console output, each parsed as JSON. Lines that are not log lines (libraries print a few
     * notices of their own) are skipped; a line in Spring Boot's plain log layout fails the test.
     */
    private static List<JsonNode> lines(CapturedOutput output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\n")) {
            assertThat(PLAIN_LOG_LINE.matcher(line).find()).as("a plain-text log line: %s", line).isFalse();
            if (!line.startsWith("{")) {
                continue;
            }
            try {
                lines.add(JSON.readTree(line));
            } catch (JsonProcessingException notJson) {
                throw new AssertionError("log line is not JSON: " + line, notJson);
            }
        }
        return lines;
    }
}
