package io.symphainy.runtime.api.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.api.versions.VersionedRuntime.Answer;
import io.symphainy.runtime.core.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Capability versions across restarts, through HTTP on one real database: runtimes that register version 1, then
 * version 2 only, then both. An execution accepted on version 1 runs version 1's code only: it waits visibly while no
 * node has version 1 (and spends no retry meanwhile), and finishes once version 1 is back; new intents run the
 * newest version, or the one they ask for; an unknown or malformed version is refused and records nothing.
 */
class CapabilityVersionsRestartTest {

    private static final String SUBMITTER_A = "http-test-submitter-a";
    private static final String OPERATOR_A = "http-test-operator-a";
    private static final String SUBMITTER_B = "http-test-submitter-b";
    private static final String GOV_SUBMITTER = "http-test-gov-submitter";
    private static final String GOV_APPROVER = "http-test-gov-approver";
    private static final String GOV_ADMIN = "http-test-gov-admin";
    private static final String GOV_OPERATOR = "http-test-gov-operator";

    private VersionedRuntime runtime;

    @AfterEach
    void stop() {
        VersionedProbe.parked.set(false);
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void executionsKeepTheVersionTheyWereAcceptedWithAcrossRestarts() {
        TestDatabase database = TestDatabase.createFresh();

        runtime = VersionedRuntime.start(database, "1");
        String done = runtime.submit(SUBMITTER_A, Map.of(), null);
        JsonNode completed = runtime.awaitStatus(SUBMITTER_A, done, completed(), "to complete");
        assertThat(completed.path("capability_version").asText()).isEqualTo("1");
        VersionedProbe.parked.set(true);
        String parked = runtime.submit(SUBMITTER_A, Map.of(), null);
        runtime.awaitStatus(SUBMITTER_A, parked, step(0, "retry_scheduled"), "to retry its first step");
        runtime.close();

        VersionedProbe.parked.set(false);
        runtime = VersionedRuntime.start(database, "2");
        JsonNode waiting = runtime.awaitStatus(SUBMITTER_A, parked, json -> !json.path("waiting").isMissingNode()
                && !json.path("waiting").isNull(), "to wait for version 1");
        assertThat(waiting.path("status").asText()).isEqualTo("running");
        assertThat(waiting.path("capability_version").asText()).isEqualTo("1");
        assertThat(waiting.path("waiting").path("state").asText()).isEqualTo("waiting_for_version");
        assertThat(waiting.path("waiting").path("reason").asText()).isEqualTo("capability " + VersionedProbe.INTENT_TYPE
                + " version 1 is not registered on any node that saw it");
        assertThat(waiting.path("steps").get(0).path("status").asText()).isEqualTo("waiting_for_version");
        JsonNode health = VersionedRuntime.await("the health report to show the wait",
                () -> runtime.get("/health", SUBMITTER_A).json(),
                json -> json.path("waiting_for_capability_version").path("attempts").asInt() == 1);
        assertThat(health.path("waiting_for_capability_version").path("by_version")
                .path(VersionedProbe.INTENT_TYPE + " 1").asInt()).isEqualTo(1);
        String onTwo = runtime.submit(SUBMITTER_A, Map.of(), null);
        assertThat(runtime.awaitStatus(SUBMITTER_A, onTwo, completed(), "to complete")
                .path("capability_version").asText()).isEqualTo("2");
        assertThat(VersionedProbe.runsOf(onTwo)).containsExactly("2:first", "2:second");
        assertThat(listedVersion(SUBMITTER_A, parked)).as("the listing shows each one's version").isEqualTo("1");
        assertThat(listedVersion(SUBMITTER_A, onTwo)).isEqualTo("2");
        assertThat(listedVersion(SUBMITTER_B, onTwo)).as("another tenant's executions are not listed").isNull();
        refusesAVersionThisNodeLacks();
        assertThat(runtime.post("/execution/" + done + "/replay", OPERATOR_A, Map.of("mode", "full")).json()
                .path("code").asText()).isEqualTo("UNKNOWN_CAPABILITY_VERSION");
        listsEveryVersionWithItsExecutionsInFlight(List.of("2:true:0", "1:false:1"), List.of("2:true:0"));
        int attemptsWhileWaiting = waiting.path("steps").get(0).path("attempts").asInt();
        sleep(1800);
        JsonNode stillWaiting = runtime.get("/execution/" + parked + "/status", SUBMITTER_A).json();
        assertThat(stillWaiting.path("steps").get(0).path("attempts").asInt())
                .as("the loss scan spends no retry on a wait").isEqualTo(attemptsWhileWaiting);
        assertThat(VersionedProbe.runsOf(parked)).allMatch(run -> run.startsWith("1:"));
        runtime.close();

        runtime = VersionedRuntime.start(database, "1,2");
        JsonNode resumed = runtime.awaitStatus(SUBMITTER_A, parked, completed(), "to complete on version 1");
        assertThat(resumed.path("capability_version").asText()).isEqualTo("1");
        assertThat(resumed.path("waiting").isNull() || resumed.path("waiting").isMissingNode()).isTrue();
        assertThat(VersionedProbe.runsOf(parked)).allMatch(run -> run.startsWith("1:")).contains("1:second");
        String newest = runtime.submit(SUBMITTER_A, Map.of(), null);
        String asked = runtime.submit(SUBMITTER_A, Map.of(), "1");
        runtime.awaitStatus(SUBMITTER_A, newest, completed(), "to complete");
        runtime.awaitStatus(SUBMITTER_A, asked, completed(), "to complete");
        assertThat(VersionedProbe.runsOf(newest)).containsExactly("2:first", "2:second");
        assertThat(VersionedProbe.runsOf(asked)).containsExactly("1:first", "1:second");
        listsEveryVersionWithItsExecutionsInFlight(List.of("2:true:0", "1:true:0"), List.of("2:true:0", "1:true:0"));
        Answer replay = runtime.post("/execution/" + done + "/replay", OPERATOR_A, Map.of("mode", "full"));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(VersionedProbe.runsOf(done)).allMatch(run -> run.startsWith("1:"));
        resumesOnTheRecordedVersionUnlessTheOperatorNamesAnother();
    }

    @Test
    void anExecutionApprovedWhereItsVersionIsMissingWaitsVisiblyAndStartsOnThatVersionOnceItIsBack() {
        TestDatabase database = TestDatabase.createFresh();
        runtime = VersionedRuntime.start(database, "1");
        Answer policy = runtime.put("/policy", GOV_ADMIN, Map.of("default", "ALLOW", "rules", List.of(Map.of(
                "name", "hold-probes", "decision", "REQUIRE_APPROVAL",
                "match", Map.of("intent_type", VersionedProbe.INTENT_TYPE), "approval_timeout", "PT1H"))));
        assertThat(policy.status()).as("%s", policy.json()).isEqualTo(201);
        String held = runtime.submit(GOV_SUBMITTER, Map.of(), null);
        runtime.awaitStatus(GOV_SUBMITTER, held, status("awaiting_approval"), "to await approval");
        runtime.close();

        runtime = VersionedRuntime.start(database, "2");
        Answer approved = runtime.post("/execution/" + held + "/approve", GOV_APPROVER, Map.of("reason", "ok"));
        assertThat(approved.status()).as("%s", approved.json()).isEqualTo(202);
        JsonNode waiting = runtime.awaitStatus(GOV_SUBMITTER, held, json -> !json.path("waiting").isMissingNode()
                && !json.path("waiting").isNull(), "to wait for version 1 to start");
        assertThat(waiting.path("status").asText()).isEqualTo("accepted");
        assertThat(waiting.path("capability_version").asText()).isEqualTo("1");
        assertThat(waiting.path("waiting").path("state").asText()).isEqualTo("waiting_for_version");
        assertThat(waiting.path("waiting").path("reason").asText()).isEqualTo("capability "
                + VersionedProbe.INTENT_TYPE + " version 1 is not registered on any node that saw it");
        assertThat(waiting.path("steps")).as("no step started").isEmpty();
        JsonNode health = VersionedRuntime.await("the health report to show the waiting start",
                () -> runtime.get("/health", GOV_SUBMITTER).json(),
                json -> json.path("waiting_for_capability_version").path("starts").asInt() == 1);
        assertThat(health.path("waiting_for_capability_version").path("by_version")
                .path(VersionedProbe.INTENT_TYPE + " 1").asInt()).isEqualTo(1);
        JsonNode listed = runtime.get("/executions?status=accepted", GOV_OPERATOR).json().path("executions");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("execution_id").asText()).isEqualTo(held);
        assertThat(listed.get(0).path("capability_version").asText()).isEqualTo("1");
        assertThat(VersionedRuntime.await("the timeline to show the wait",
                () -> runtime.get("/execution/" + held + "/timeline", GOV_OPERATOR).json().path("entries")
                        .findValuesAsText("summary"),
                entries -> entries.stream().anyMatch(entry -> entry.startsWith("waits to start")))).isNotEmpty();
        assertThat(runtime.get("/execution/" + held + "/status", SUBMITTER_B).status()).isEqualTo(404);
        sleep(1500);
        assertThat(VersionedProbe.runsOf(held)).as("nothing runs other code for it").isEmpty();
        assertThat(runtime.get("/execution/" + held + "/status", GOV_SUBMITTER).json().path("status").asText())
                .isEqualTo("accepted");
        runtime.close();

        runtime = VersionedRuntime.start(database, "1,2");
        JsonNode done = runtime.awaitStatus(GOV_SUBMITTER, held, completed(), "to start and complete on version 1");
        assertThat(done.path("capability_version").asText()).isEqualTo("1");
        assertThat(done.path("waiting").isNull() || done.path("waiting").isMissingNode()).isTrue();
        assertThat(done.path("decided_by").asText()).isEqualTo("grace");
        assertThat(VersionedProbe.runsOf(held)).containsExactly("1:first", "1:second");
        JsonNode drained = VersionedRuntime.await("the health report to show no waiting start",
                () -> runtime.get("/health", GOV_SUBMITTER).json(),
                json -> json.path("waiting_for_capability_version").path("starts").asInt() == 0);
        assertThat(drained.path("waiting_for_capability_version").path("by_version").size()).isZero();
    }

    private void refusesAVersionThisNodeLacks() {
        Answer session = runtime.post("/session/create", SUBMITTER_A, Map.of("context", Map.of()));
        String sessionId = session.json().path("session_id").asText();
        Answer unknown = runtime.post("/intent/submit", SUBMITTER_A, VersionedRuntime.intent(sessionId, Map.of(), "1"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("code").asText()).isEqualTo("UNKNOWN_CAPABILITY_VERSION");
        Answer malformed = runtime.post("/intent/submit", SUBMITTER_A,
                VersionedRuntime.intent(sessionId, Map.of(), "v1"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(runtime.get("/executions?session_id=" + sessionId, SUBMITTER_A).json().path("executions"))
                .as("a refused version records nothing").isEmpty();
    }

    /** The version {@code GET /executions} shows for the execution; {@code null} when it is not listed. */
    private String listedVersion(String apiKey, String executionId) {
        return StreamSupport.stream(runtime.get("/executions?limit=500", apiKey).json().path("executions")
                        .spliterator(), false)
                .filter(row -> row.path("execution_id").asText().equals(executionId))
                .map(row -> row.path("capability_version").asText())
                .findFirst().orElse(null);
    }

    /** Each tenant sees its own executions in flight per version, as {@code version:registered:in_flight}. */
    private void listsEveryVersionWithItsExecutionsInFlight(List<String> tenantA, List<String> tenantB) {
        assertThat(versions(SUBMITTER_A)).containsExactlyElementsOf(tenantA);
        assertThat(versions(SUBMITTER_B)).containsExactlyElementsOf(tenantB);
    }

    private List<String> versions(String apiKey) {
        JsonNode probe = StreamSupport.stream(runtime.get("/capabilities", apiKey).json().path("capabilities")
                        .spliterator(), false)
                .filter(capability -> capability.path("name").asText().equals(VersionedProbe.INTENT_TYPE))
                .findFirst().orElseThrow();
        return StreamSupport.stream(probe.path("versions").spliterator(), false)
                .map(v -> v.path("version").asText() + ":" + v.path("registered").asBoolean() + ":"
                        + v.path("in_flight").asLong())
                .toList();
    }

    private void resumesOnTheRecordedVersionUnlessTheOperatorNamesAnother() {
        String failed = runtime.submit(SUBMITTER_A, Map.of("fail", true), "1");
        runtime.awaitStatus(SUBMITTER_A, failed, json -> json.path("status").asText().equals("failed"), "to fail");
        Answer unknown = runtime.post("/execution/" + failed + "/resume", OPERATOR_A,
                Map.of("capability_version", "7"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("code").asText()).isEqualTo("UNKNOWN_CAPABILITY_VERSION");
        Answer resumed = runtime.post("/execution/" + failed + "/resume", OPERATOR_A,
                Map.of("capability_version", "2"));
        assertThat(resumed.status()).as("%s", resumed.json()).isEqualTo(202);
        String again = resumed.json().path("execution_id").asText();
        assertThat(runtime.awaitStatus(OPERATOR_A, again, json -> json.path("status").asText().equals("failed"),
                "to fail again").path("capability_version").asText()).isEqualTo("2");
        assertThat(VersionedProbe.runsOf(again)).allMatch(run -> run.startsWith("2:"));
    }

    private static java.util.function.Predicate<JsonNode> completed() {
        return status("completed");
    }

    private static java.util.function.Predicate<JsonNode> status(String status) {
        return json -> json.path("status").asText().equals(status);
    }

    private static java.util.function.Predicate<JsonNode> step(int index, String status) {
        return json -> json.path("steps").path(index).path("status").asText().equals(status);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
