package io.symphainy.runtime.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.testing.TestDatabase;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime killed with SIGKILL while executions wait for retries and run steps loses nothing: after a restart on
 * the same database every acknowledged execution reaches a terminal state, deadlines still fire, and no step
 * outcome is recorded twice. The first run stores its processors with four segments and the restart runs with the
 * default of one, as an upgrade from a runtime of that setting does: every stored segment must still be processed.
 */
class CrashRecoveryTest {

    private static final int EXECUTIONS = 20;
    private static final String KEY = "crash-test-submitter";
    private static final java.util.Set<String> TERMINAL = java.util.Set.of("completed", "failed", "compensated",
            "rejected", "cancelled", "expired");
    private static final String[] FAST_RECOVERY = {
            "--runtime.saga.default-step-timeout=2s",
            "--runtime.saga.timeout-grace=1s",
            "--axon.eventhandling.tokenstore.claim-timeout=3s",
            "--db-scheduler.heartbeat-interval=1s",
            "--db-scheduler.missed-heartbeats-limit=4"};

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void finishesEveryAcknowledgedExecutionAfterTheProcessIsKilledMidRetry() throws Exception {
        TestDatabase database = TestDatabase.createFresh();
        Path keys = Files.writeString(work.resolve("keys.yaml"),
                "- key: " + KEY + "\n  tenant_id: tenant-crash\n  user_id: carol\n  roles: [submitter, operator]\n");
        Path log = buildDirectory().resolve("crash-recovery-runtime.log");
        Files.deleteIfExists(log);

        String[] fourSegments = Stream.concat(Arrays.stream(FAST_RECOVERY),
                Stream.of("--runtime.processors.segments=4")).toArray(String[]::new);
        RuntimeProcess first = RuntimeProcess.start(database, keys, log, fourSegments);
        String session = post(first, "/session/create", "{}").get("session_id").asText();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
            String knobs = i % 2 == 0 ? "\"fail_times\": 2" : "\"fail_times\": 1, \"sleep_ms\": 300";
            acknowledged.add(post(first, "/intent/submit", "{\"session_id\": \"" + session
                    + "\", \"intent_type\": \"diagnostics.echo\", \"payload\": {" + knobs + "}}")
                    .get("execution_id").asText());
        }
        awaitRetriesScheduled(database);
        first.kill();
        assertThat(countPerExecution(database, "ExecutionCompletedEvent"))
                .as("the kill must interrupt work in flight, or the test proves nothing")
                .hasSizeLessThan(EXECUTIONS);

        RuntimeProcess second = RuntimeProcess.start(database, keys, log, FAST_RECOVERY);
        Map<String, JsonNode> finished;
        try {
            finished = awaitAllTerminal(second, acknowledged, Duration.ofSeconds(120));
        } finally {
            second.stop();
        }

        assertThat(count(database, "select count(*) from token_entry where processor_name = 'saga-coordinator'"))
                .as("the coordinator's segments, stored by the first run").isEqualTo(4);
        assertThat(duplicateStepOutcomes(database)).isEmpty();
        Map<String, Integer> terminalEvents = countPerExecution(database, "ExecutionCompletedEvent");
        countPerExecution(database, "ExecutionCompensatedEvent").forEach(terminalEvents::put);
        assertThat(terminalEvents).hasSize(EXECUTIONS).allSatisfy((execution, count) -> assertThat(count).isEqualTo(1));
        finished.forEach((execution, status) -> {
            if (!"completed".equals(status.get("status").asText())) {
                // An attempt in flight at the kill has an unknown outcome: its persistent deadline counts it as a
                // timeout, and when that was the last attempt the policy allows, the execution compensates.
                assertThat(status.get("status").asText()).as(execution).isEqualTo("compensated");
                assertThat(status.get("error_code").asText()).as(execution).isEqualTo("STEP_TIMEOUT");
            }
        });
        long completed = finished.values().stream().filter(s -> "completed".equals(s.get("status").asText())).count();
        assertThat(stepSuccessesPerSaga(database).values().stream().filter(successes -> successes == 3))
                .hasSize((int) completed);
    }

    private void awaitRetriesScheduled(TestDatabase database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (count(database, "select count(*) from domain_event_entry where payload_type like '%StepRetryScheduledEvent'")
                    >= EXECUTIONS / 4) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no retries were scheduled before the kill");
    }

    /** The module's build directory (the parent of test-classes), whatever {@code target.dir} names it. */
    private static Path buildDirectory() throws Exception {
        return Path.of(CrashRecoveryTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    private Map<String, JsonNode> awaitAllTerminal(RuntimeProcess runtime, List<String> executions, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, JsonNode> finished = new HashMap<>();
        while (finished.size() < executions.size() && System.nanoTime() < deadline) {
            for (String execution : executions) {
                JsonNode status = statusOf(runtime, execution);
                if (status != null && TERMINAL.contains(status.get("status").asText())) {
                    finished.put(execution, status);
                }
            }
            Thread.sleep(200);
        }
        assertThat(executions).as("executions still unfinished after the restart")
                .allSatisfy(execution -> assertThat(finished).containsKey(execution));
        return finished;
    }

    private JsonNode statusOf(RuntimeProcess runtime, String execution) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            runtime.uri("/execution/" + execution + "/status")).header("X-API-Key", KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private JsonNode post(RuntimeProcess runtime, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(runtime.uri(path))
                .header("X-API-Key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    private static Map<String, Integer> countPerExecution(TestDatabase database, String eventType)
            throws SQLException {
        return grouped(database, "select aggregate_identifier, count(*) from domain_event_entry"
                + " where payload_type like '%." + eventType + "' group by aggregate_identifier");
    }

    private static Map<String, Integer> stepSuccessesPerSaga(TestDatabase database) throws SQLException {
        return grouped(database, "select aggregate_identifier, count(*) from domain_event_entry"
                + " where payload_type like '%.StepSucceededEvent' group by aggregate_identifier");
    }

    /** Every (saga, step, attempt) with more than one recorded outcome; a correct runtime has none. */
    private static Map<String, Integer> duplicateStepOutcomes(TestDatabase database) throws SQLException {
        return grouped(database, """
                select aggregate_identifier || ':' || (payload ->> 'stepIndex') || ':' || (payload ->> 'attempt'),
                       count(*)
                from domain_event_entry
                where payload_type like '%.StepSucceededEvent' or payload_type like '%.StepFailedEvent'
                group by 1 having count(*) > 1""");
    }

    private static Map<String, Integer> grouped(TestDatabase database, String sql) throws SQLException {
        Map<String, Integer> result = new HashMap<>();
        try (Connection connection = connect(database); ResultSet rows = connection.createStatement()
                .executeQuery(sql)) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getInt(2));
            }
        }
        return result;
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database); ResultSet rows = connection.createStatement()
                .executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
