package io.symphainy.runtime.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime killed with SIGKILL while steps wait for signals holds nothing of the waits in memory: after a restart on
 * the same database a signal still completes its wait (and the next step echoes its payload), and a wait whose
 * deadline passed while the runtime was down times out, fails and is compensated.
 */
class SignalWaitRestartTest {

    private static final String KEY = "signal-restart-submitter";

    @TempDir
    Path work;

    private RuntimeProcess runtime;

    @Test
    void waitsSurviveAKillAndTheirSignalsAndDeadlinesTakeEffectAfterTheRestart() throws Exception {
        TestDatabase database = TestDatabase.createFresh();
        Path keys = Files.writeString(work.resolve("keys.yaml"), "- key: " + KEY
                + "\n  tenant_id: tenant-signals\n  user_id: sig\n  roles: [submitter, operator]\n");
        Path log = RuntimeLogs.file("signal-restart-runtime.log");
        RuntimeClient client = new RuntimeClient(() -> runtime, KEY);
        runtime = RuntimeProcess.start(database, keys, log);
        String session = client.ok(client.post("/session/create", "{}")).path("session_id").asText();
        String signalled = submitAwait(client, session, "{\"signal\": \"go-on\", \"timeout_ms\": 120000}");
        String timingOut = submitAwait(client, session, "{\"signal\": \"never\", \"timeout_ms\": 8000}");
        awaitWaiting(client, signalled);
        awaitWaiting(client, timingOut);
        awaitSignalDeadlinesScheduled(database, 2);

        runtime.kill();
        runtime = RuntimeProcess.start(database, keys, log);
        try {
            RuntimeClient.Answer sent = client.post("/execution/" + signalled + "/signal",
                    "{\"name\": \"go-on\", \"payload\": {\"note\": \"after the restart\"}}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            Map<String, JsonNode> finished = client.awaitAllTerminal(List.of(signalled, timingOut),
                    Duration.ofSeconds(60));

            JsonNode completed = finished.get(signalled);
            assertThat(completed.path("status").asText()).isEqualTo("completed");
            assertThat(completed.path("steps").get(2).path("facts").path("note").asText())
                    .isEqualTo("after the restart");
            JsonNode compensated = finished.get(timingOut);
            assertThat(compensated.path("status").asText()).as("%s", compensated).isEqualTo("compensated");
            assertThat(compensated.path("error_code").asText()).isEqualTo("SIGNAL_TIMEOUT");
        } finally {
            runtime.stop();
        }
    }

    private static String submitAwait(RuntimeClient client, String session, String payload) throws Exception {
        return client.ok(client.post("/intent/submit", "{\"session_id\": \"" + session
                + "\", \"intent_type\": \"diagnostics.await\", \"payload\": " + payload + "}"))
                .path("execution_id").asText();
    }

    private static void awaitWaiting(RuntimeClient client, String execution) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = client.ok(client.get("/execution/" + execution + "/status"));
            if ("waiting".equals(status.path("steps").get(1).path("status").asText())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("execution " + execution + " never waited for its signal");
    }

    /** The coordinators have stored the waits' deadlines, so the kill cannot be what saves the test. */
    private static void awaitSignalDeadlinesScheduled(TestDatabase database, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                    database.password()); ResultSet rows = connection.createStatement().executeQuery(
                    "select count(*) from scheduled_tasks where position('signal-timeout'::bytea in task_data) > 0")) {
                rows.next();
                if (rows.getInt(1) >= count) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the waits' deadlines were never scheduled");
    }
}
