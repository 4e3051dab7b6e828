package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.config.ProcessorProperties;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild of the audit timeline, whose processor writes each batch of events with a few batched statements,
 * records exactly the rows the live projection recorded event batch by event batch, and chains events again with
 * exactly the links the live chain had.
 */
class AuditTimelineRebuildHttpTest extends HttpTestSupport {

    private static final String AUDIT_TIMELINE = "audit-timeline";
    private static final String TENANT = "tenant-chain";
    /** A submitter and auditor of tenant-chain. */
    private static final String CHAIN_KEY = "http-test-chain";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessorProperties processors;

    @Test
    void aRebuildInLargeBatchesRecordsTheLiveRowsAndChainsTheSameLinks() {
        assertThat(processors.rebuildBatchSize()).isGreaterThan(1);
        String sessionId = createSession(CHAIN_KEY);
        for (int i = 0; i < 4; i++) {
            String executionId = submitEcho(CHAIN_KEY, sessionId, Map.of("message", "batch " + i));
            awaitStatus(CHAIN_KEY, executionId, "completed");
        }
        awaitProjection(view -> !view.path("replaying").asBoolean() && !view.path("position").isNull()
                && view.path("position").asLong() >= view.path("head_position").asLong());
        List<Map<String, Object>> rowsBefore = rows(sessionId);
        List<Map<String, Object>> intentsBefore = intents(sessionId);
        List<Map<String, Object>> chainBefore = chain();
        assertThat(rowsBefore).hasSizeGreaterThan(4 * 8);
        assertThat(chainBefore).hasSizeGreaterThanOrEqualTo(rowsBefore.size());

        // Forget the tenant's chain, so that the rebuild appends every one of its events again, in large batches.
        jdbc.update("delete from audit_chain where tenant_id = ?", TENANT);
        assertStatus(post("/runtime/projections/" + AUDIT_TIMELINE + "/rebuild", ProjectionRebuildHttpTest.REBUILD_ADMIN,
                Map.of()), 202);
        awaitProjection(view -> !view.path("replaying").asBoolean() && !view.path("position").isNull()
                && view.path("position").asLong() >= view.path("head_position").asLong()
                && view.path("rebuild").path("finished_at").isTextual());

        assertThat(rows(sessionId)).isEqualTo(rowsBefore);
        assertThat(intents(sessionId)).isEqualTo(intentsBefore);
        assertThat(chain()).isEqualTo(chainBefore);
        JsonNode verification = get("/audit/verify", CHAIN_KEY).json();
        assertThat(verification.path("valid").asBoolean()).as("%s", verification).isTrue();
        assertThat(verification.path("verified").asLong()).isEqualTo(chainBefore.size());
    }

    private void awaitProjection(Predicate<JsonNode> condition) {
        await(AUDIT_TIMELINE + " to catch up", () -> {
            Response response = get("/runtime/projections", ProjectionRebuildHttpTest.REBUILD_OPERATOR);
            assertStatus(response, 200);
            for (JsonNode projection : response.json().path("projections")) {
                if (AUDIT_TIMELINE.equals(projection.path("name").asText())) {
                    return projection;
                }
            }
            throw new AssertionError("no projection " + AUDIT_TIMELINE);
        }, condition);
    }

    /**
     * The session's timeline in position order, without the positions a rebuild assigns anew. (Only this test's own
     * session: a rebuild may rightly change older rows, e.g. those another test recorded from a forged payload.)
     */
    private List<Map<String, Object>> rows(String sessionId) {
        return jdbc.queryForList("""
                select event_identifier, tenant_id, session_id, execution_id, user_id, intent_type, capability,
                    event_type, outcome, summary, step_name, attempt, duration_millis, occurred_at, payload::text
                from audit_timeline_entry where tenant_id = ? and session_id = ? order by position""", TENANT,
                UUID.fromString(sessionId));
    }

    private List<Map<String, Object>> intents(String sessionId) {
        return jdbc.queryForList("""
                select i.* from audit_timeline_intent i where i.execution_id in (
                    select execution_id from audit_timeline_entry where tenant_id = ? and session_id = ?)
                order by i.execution_id""", TENANT, UUID.fromString(sessionId));
    }

    /** The tenant's chain in order, without the positions a new append assigns. */
    private List<Map<String, Object>> chain() {
        return jdbc.queryForList("""
                select event_identifier, execution_id, aggregate_identifier, sequence_number, previous_link, link
                from audit_chain where tenant_id = ? order by position""", TENANT);
    }
}
