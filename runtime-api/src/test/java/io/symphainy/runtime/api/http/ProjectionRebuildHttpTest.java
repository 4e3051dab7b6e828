package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.policy.PolicyVersionProjection;
import io.symphainy.runtime.core.projection.ReadModelProcessor;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /runtime/projections} and {@code POST /runtime/projections/{name}/rebuild}: a rebuild replays the event
 * store into an emptied read model and ends with exactly the rows it started with.
 */
class ProjectionRebuildHttpTest extends HttpTestSupport {

    static final String TENANT_REBUILD = "tenant-rebuild";
    /** tenant-rebuild, user ross: admin only. */
    static final String REBUILD_ADMIN = "http-test-rebuild-admin";
    /** tenant-rebuild, user rita: operator only. */
    static final String REBUILD_OPERATOR = "http-test-rebuild-operator";
    /** tenant-rebuild, user rex: submitter only. */
    static final String REBUILD_SUBMITTER = "http-test-rebuild-submitter";

    private static final String EXECUTION_STATE = "execution-state";
    /** A submitter and auditor of its own tenant, whose events this test may tamper with and restore. */
    private static final String CHAIN_KEY = "http-test-chain";

    /** The owner a test writes into a token row to stand for a second runtime node holding that segment. */
    private static final String ANOTHER_NODE = "another-node@test";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DataSource dataSource;

    @Test
    void rebuildOfExecutionStateReproducesTheReadModelExactly() {
        String sessionId = createSession(REBUILD_SUBMITTER);
        for (int i = 0; i < 3; i++) {
            String executionId = submitEcho(REBUILD_SUBMITTER, sessionId, Map.of());
            awaitStatus(REBUILD_SUBMITTER, executionId, "completed");
        }
        awaitCaughtUp(EXECUTION_STATE);
        List<Map<String, Object>> executionsBefore = executions();
        List<Map<String, Object>> stepsBefore = steps();
        assertThat(executionsBefore).hasSize(3);
        assertThat(stepsBefore).isNotEmpty();

        Response accepted = post("/runtime/projections/" + EXECUTION_STATE + "/rebuild", REBUILD_ADMIN, Map.of());
        assertStatus(accepted, 202);
        assertThat(accepted.text("projection")).isEqualTo(EXECUTION_STATE);
        assertThat(accepted.text("progress")).isEqualTo("/runtime/projections");

        JsonNode projection = awaitRebuilt(EXECUTION_STATE);
        JsonNode rebuild = projection.path("rebuild");
        assertThat(rebuild.path("started_at").asText()).isNotBlank();
        assertThat(rebuild.path("events_total").asLong()).isPositive();
        assertThat(rebuild.path("events_done").asLong()).isEqualTo(rebuild.path("events_total").asLong());
        assertThat(rebuild.path("estimated_seconds_left").asLong()).isZero();
        assertThat(rebuild.has("events_per_second")).isTrue();

        assertThat(executions()).isEqualTo(executionsBefore);
        assertThat(steps()).isEqualTo(stepsBefore);
    }

    /**
     * The State Surface is written in the recording transaction: while it is rebuilt, this node's executions go on, and
     * the hand-over back to the live writes loses none of their events and applies none twice. The rows equal those a
     * second rebuild, at rest, produces.
     */
    @Test
    void aRebuildOfExecutionStateWhileExecutionsRunEndsWithTheRowsOfARebuildAtRest() {
        String sessionId = createSession(REBUILD_SUBMITTER);
        List<String> executions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            executions.add(submitEcho(REBUILD_SUBMITTER, sessionId, Map.of("fail_times", 1)));
        }
        assertStatus(post("/runtime/projections/" + EXECUTION_STATE + "/rebuild", REBUILD_ADMIN, Map.of()), 202);
        for (int i = 0; i < 12; i++) {
            executions.add(submitEcho(REBUILD_SUBMITTER, sessionId, Map.of("fail_times", i % 2)));
        }
        executions.forEach(executionId -> awaitStatus(REBUILD_SUBMITTER, executionId, "completed"));
        awaitRebuilt(EXECUTION_STATE);
        List<Map<String, Object>> executionsAfter = executions();
        List<Map<String, Object>> stepsAfter = steps();

        assertStatus(post("/runtime/projections/" + EXECUTION_STATE + "/rebuild", REBUILD_ADMIN, Map.of()), 202);
        awaitRebuilt(EXECUTION_STATE);

        assertThat(executions()).isEqualTo(executionsAfter);
        assertThat(steps()).isEqualTo(stepsAfter);
        assertThat(executionsAfter).extracting(row -> row.get("status")).containsOnly("completed");
    }

    /**
     * A rebuild re-reads the store; were the chain rebuilt with it, a payload tampered with before the rebuild would
     * be chained anew and verify would pass. The chain is append-only, so verify still finds the tampered event.
     */
    @Test
    void rebuildOfTheAuditTimelineNeverRechainsATamperedStore() {
        String executionId = submitEcho(CHAIN_KEY, createSession(CHAIN_KEY), Map.of("message", "rebuild"));
        awaitStatus(CHAIN_KEY, executionId, "completed");
        awaitCaughtUp("audit-timeline");
        long chainedBefore = chained();
        Map<String, Object> intent = jdbc.queryForMap("""
                select e.event_identifier, e.payload::text as original from domain_event_entry e
                where e.aggregate_identifier = ? and e.payload_type like '%IntentAcceptedEvent'""", executionId);
        String eventId = (String) intent.get("event_identifier");
        jdbc.update("update domain_event_entry set payload = jsonb_set(payload, '{intentType}', '\"forged\"') "
                + "where event_identifier = ?", eventId);
        try {
            assertStatus(post("/runtime/projections/audit-timeline/rebuild", REBUILD_ADMIN, Map.of()), 202);
            awaitRebuilt("audit-timeline");

            assertThat(chained()).isEqualTo(chainedBefore);
            JsonNode verification = get("/audit/verify", CHAIN_KEY).json();
            assertThat(verification.path("valid").asBoolean()).as("%s", verification).isFalse();
            assertThat(verification.path("first_broken").path("event_id").asText()).isEqualTo(eventId);
        } finally {
            jdbc.update("update domain_event_entry set payload = cast(? as jsonb) where event_identifier = ?",
                    intent.get("original"), eventId);
        }
        assertThat(get("/audit/verify", CHAIN_KEY).json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void listShowsEveryReadModelAndProcessorWithPositionAndLag() {
        createSession(REBUILD_SUBMITTER);
        awaitCaughtUp("session-state");
        Response response = get("/runtime/projections", REBUILD_OPERATOR);
        assertStatus(response, 200);
        JsonNode state = find(response.json(), EXECUTION_STATE);
        assertThat(state.path("rebuildable").asBoolean()).isTrue();
        assertThat(state.path("segments").asInt()).isPositive();
        assertThat(state.path("position").isNumber()).as("position in %s", state).isTrue();
        assertThat(state.path("head_position").asLong()).isGreaterThanOrEqualTo(state.path("position").asLong());
        assertThat(state.path("lag").asLong())
                .isEqualTo(state.path("head_position").asLong() - state.path("position").asLong());
        assertThat(state.path("replaying").isBoolean()).isTrue();
        assertThat(find(response.json(), "saga-coordinator").path("rebuildable").asBoolean()).isFalse();
        assertThat(find(response.json(), "webhook-outbox").path("rebuildable").asBoolean()).isFalse();
        assertThat(find(response.json(), "runtime-metrics").path("rebuildable").asBoolean()).isFalse();
        assertThat(find(response.json(), "wal").path("segments").asInt()).isEqualTo(1);
        assertThat(find(response.json(), "wal").path("processor").asText()).isEqualTo(ReadModelProcessor.NAME);
    }

    @Test
    void sagaCoordinatorAndWebhookOutboxCannotBeRebuilt() {
        assertProblem(post("/runtime/projections/saga-coordinator/rebuild", REBUILD_ADMIN, Map.of()), 409,
                "PROJECTION_NOT_REBUILDABLE");
        assertProblem(post("/runtime/projections/webhook-outbox/rebuild", REBUILD_ADMIN, Map.of()), 409,
                "PROJECTION_NOT_REBUILDABLE");
        assertThat(find(get("/runtime/projections", REBUILD_OPERATOR).json(), "saga-coordinator")
                .has("rebuild")).isFalse();
    }

    @Test
    void rebuildIsRefusedAndResetsNothingWhileAnotherNodeRunsTheReadModelProcessor() {
        String name = PolicyVersionProjection.PROCESSING_GROUP;
        String processor = ReadModelProcessor.NAME;
        List<Map<String, Object>> versionsBefore = jdbc.queryForList("select * from policy_version order by 1, 2");
        jdbc.update("update token_entry set owner = ?, timestamp = ? where processor_name = ? and segment = 0",
                ANOTHER_NODE, "2999-01-01T00:00:00Z", processor);
        try {
            await("this node to let go of the " + processor + " segment",
                    () -> processing.eventProcessor(processor, StreamingEventProcessor.class).orElseThrow()
                            .processingStatus().size(), claimed -> claimed == 0);
            assertProblem(post("/runtime/projections/" + name + "/rebuild", REBUILD_ADMIN, Map.of()), 409,
                    "PROJECTION_CLAIMED_ELSEWHERE");
            assertThat(jdbc.queryForList("select * from policy_version order by 1, 2"))
                    .as("nothing was reset").isEqualTo(versionsBefore);
            assertThat(find(get("/runtime/projections", REBUILD_OPERATOR).json(), name).has("rebuild")).isFalse();
        } finally {
            jdbc.update("update token_entry set owner = null where processor_name = ? and owner = ?", processor,
                    ANOTHER_NODE);
            await("the processor to claim its segment again",
                    () -> processing.eventProcessor(processor, StreamingEventProcessor.class).orElseThrow()
                            .processingStatus().size(), claimed -> claimed == 1);
        }
    }

    /**
     * While one read model is rebuilt, the shared processor keeps every other one current: with the rebuild of the
     * audit timeline held up (the test locks the audit chain against inserts), an execution still completes and shows
     * in the State Surface and the WAL view.
     */
    @Test
    void otherReadModelsStayCurrentWhileARebuildIsHeldUp() throws Exception {
        String sessionId = createSession(REBUILD_SUBMITTER);
        awaitCaughtUp("wal");
        String executionId;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table audit_chain in exclusive mode");
            }
            assertStatus(post("/runtime/projections/audit-timeline/rebuild", REBUILD_ADMIN, Map.of()), 202);
            executionId = submitEcho(REBUILD_SUBMITTER, sessionId, Map.of());

            awaitStatus(REBUILD_SUBMITTER, executionId, "completed");
            awaitCaughtUp("wal");
            JsonNode audit = find(get("/runtime/projections", REBUILD_OPERATOR).json(), "audit-timeline");
            assertThat(audit.path("replaying").asBoolean()).as("%s", audit).isTrue();
            assertThat(audit.path("processor").asText()).isEqualTo("rebuild-audit-timeline");
            JsonNode wal = find(get("/runtime/projections", REBUILD_OPERATOR).json(), "wal");
            assertThat(wal.path("processor").asText()).isEqualTo(ReadModelProcessor.NAME);
            assertThat(wal.path("replaying").asBoolean()).isFalse();
            lock.rollback();
        }
        awaitRebuilt("audit-timeline");
        assertThat(find(get("/runtime/projections", REBUILD_OPERATOR).json(), "audit-timeline").path("processor")
                .asText()).isEqualTo(ReadModelProcessor.NAME);
        assertThat(get("/execution/" + executionId + "/timeline", REBUILD_OPERATOR).json().path("entries").size())
                .isPositive();
    }

    @Test
    void unknownProjectionIsNotFound() {
        assertProblem(post("/runtime/projections/no-such-projection/rebuild", REBUILD_ADMIN, Map.of()), 404,
                "PROJECTION_NOT_FOUND");
        assertProblem(post("/runtime/projections/api-keys/rebuild", REBUILD_ADMIN, Map.of()), 404,
                "PROJECTION_NOT_FOUND");
    }

    @Test
    void rolesAreEnforced() {
        assertProblem(post("/runtime/projections/wal/rebuild", REBUILD_OPERATOR, Map.of()), 403, "FORBIDDEN");
        assertProblem(post("/runtime/projections/wal/rebuild", REBUILD_SUBMITTER, Map.of()), 403, "FORBIDDEN");
        assertProblem(get("/runtime/projections", REBUILD_SUBMITTER), 403, "FORBIDDEN");
        assertStatus(get("/runtime/projections", REBUILD_ADMIN), 200);
        assertProblem(get("/runtime/projections", null), 401, "UNAUTHENTICATED");
    }

    private JsonNode awaitCaughtUp(String name) {
        return await(name + " to catch up with the event store", () -> projection(name),
                view -> !view.path("replaying").asBoolean() && !view.path("position").isNull()
                        && view.path("position").asLong() >= view.path("head_position").asLong());
    }

    private JsonNode awaitRebuilt(String name) {
        return await(name + " to finish its rebuild", () -> projection(name),
                view -> !view.path("replaying").asBoolean() && !view.path("position").isNull()
                        && view.path("position").asLong() >= view.path("head_position").asLong()
                        && view.path("rebuild").path("finished_at").isTextual());
    }

    private JsonNode projection(String name) {
        Response response = get("/runtime/projections", REBUILD_OPERATOR);
        assertStatus(response, 200);
        return find(response.json(), name);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode projection : list.path("projections")) {
            if (name.equals(projection.path("name").asText())) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name + " in " + list);
    }

    private long chained() {
        return jdbc.queryForObject("select count(*) from audit_chain", Long.class);
    }

    private List<Map<String, Object>> executions() {
        return jdbc.queryForList("select * from execution_state where tenant_id = ? order by execution_id",
                TENANT_REBUILD);
    }

    private List<Map<String, Object>> steps() {
        return jdbc.queryForList("""
                select s.* from execution_step_state s join execution_state e on e.execution_id = s.execution_id
                where e.tenant_id = ? order by s.execution_id, s.step_index""", TENANT_REBUILD);
    }

    private List<Map<String, Object>> tokens(String processor) {
        return jdbc.queryForList("select segment, token_type, encode(token, 'hex') as token from token_entry "
                + "where processor_name = ? order by segment", processor);
    }
}
