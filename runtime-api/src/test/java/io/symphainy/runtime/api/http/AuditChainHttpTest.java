package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /audit/verify} and {@code GET /audit/evidence} end to end: the tenant hash chain verifies after real
 * executions, a payload tampered directly in the event store is found at its position, an evidence bundle recomputes
 * offline to its anchors, and both are for auditors of the caller's tenant only.
 */
class AuditChainHttpTest extends HttpTestSupport {

    /** tenant-chain, user carl: submitter and auditor; the only tenant whose events the tamper test touches. */
    static final String CHAIN = "http-test-chain";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theChainVerifiesAfterSomeExecutions() {
        String sessionId = createSession(SUBMITTER_A);
        completed(SUBMITTER_A, AUDITOR_ONLY_A, sessionId, "one");
        completed(SUBMITTER_A, AUDITOR_ONLY_A, sessionId, "two");

        Response response = get("/audit/verify", AUDITOR_ONLY_A);

        assertStatus(response, 200);
        JsonNode body = response.json();
        assertThat(body.path("valid").asBoolean()).as("%s", body).isTrue();
        assertThat(body.path("first_broken").isNull()).as("%s", body).isTrue();
        assertThat(body.path("verified").asLong()).isPositive().isLessThanOrEqualTo(chainSize(TENANT_A));
        assertThat(body.path("completeness").path("position").isNumber()).isTrue();
        assertThat(body.path("completeness").path("behind").isBoolean()).isTrue();
    }

    @Test
    void aPayloadTamperedInTheEventStoreIsFoundAtItsPosition() {
        String executionId = completed(CHAIN, CHAIN, createSession(CHAIN), "tamper me");
        assertThat(get("/audit/verify", CHAIN).json().path("valid").asBoolean()).isTrue();
        Map<String, Object> intent = jdbc.queryForMap("""
                select c.position, c.event_identifier, c.link, e.payload::text as original
                from audit_chain c join domain_event_entry e on e.event_identifier = c.event_identifier
                where c.tenant_id = 'tenant-chain' and c.execution_id = ? and e.payload_type like '%IntentAcceptedEvent'
                """, UUID.fromString(executionId));
        String eventId = (String) intent.get("event_identifier");
        jdbc.update("update domain_event_entry set payload = jsonb_set(payload, '{intentType}', '\"forged\"') "
                + "where event_identifier = ?", eventId);
        try {
            JsonNode body = get("/audit/verify", CHAIN).json();

            assertThat(body.path("valid").asBoolean()).as("%s", body).isFalse();
            JsonNode broken = body.path("first_broken");
            assertThat(broken.path("position").asLong()).isEqualTo(((Number) intent.get("position")).longValue());
            assertThat(broken.path("event_id").asText()).isEqualTo(eventId);
            assertThat(broken.path("expected").asText()).isEqualTo(intent.get("link"));
            assertThat(broken.path("actual").asText()).hasSize(64).isNotEqualTo(intent.get("link"));
        } finally {
            jdbc.update("update domain_event_entry set payload = cast(? as jsonb) where event_identifier = ?",
                    intent.get("original"), eventId);
        }
        assertThat(get("/audit/verify", CHAIN).json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void anEvidenceBundleRecomputesToItsAnchors() throws Exception {
        String executionId = completed(SUBMITTER_A, AUDITOR_ONLY_A, createSession(SUBMITTER_A), "evidence");
        int timelineSize = get("/execution/" + executionId + "/timeline", AUDITOR_ONLY_A).json().path("entries")
                .size();

        Response response = get("/audit/evidence?execution_id=" + executionId, AUDITOR_ONLY_A);

        assertStatus(response, 200);
        JsonNode bundle = response.json();
        assertThat(bundle.path("execution_id").asText()).isEqualTo(executionId);
        assertThat(bundle.path("tenant_id").asText()).isEqualTo(TENANT_A);
        List<JsonNode> entries = new ArrayList<>();
        bundle.path("entries").forEach(entries::add);
        assertThat(entries).hasSize(timelineSize);
        assertThat(entries.get(0).path("previous_link").asText()).isEqualTo(bundle.path("anchor_before").asText());
        long position = 0;
        String last = null;
        for (JsonNode entry : entries) {
            assertThat(entry.path("position").asLong()).isGreaterThan(position);
            position = entry.path("position").asLong();
            String canonical = entry.path("canonical").asText();
            assertThat(sha256(entry.path("previous_link").asText() + "\n" + canonical))
                    .isEqualTo(entry.path("link").asText());
            JsonNode event = JSON.readTree(canonical);
            assertThat(event.path("event_identifier").asText()).isEqualTo(entry.path("event_id").asText());
            assertThat(event.path("metadata").path("tenantId").asText(TENANT_A)).isEqualTo(TENANT_A);
            last = entry.path("link").asText();
        }
        assertThat(last).isEqualTo(bundle.path("anchor_after").asText());
        assertThat(entries.get(0).path("canonical").asText()).contains("IntentAcceptedEvent");
    }

    @Test
    void theChainIsForAuditorsOfTheSameTenant() {
        String executionId = completed(SUBMITTER_A, AUDITOR_ONLY_A, createSession(SUBMITTER_A), "guarded");
        completed(SUBMITTER_B, OPERATOR_B, createSession(SUBMITTER_B), "other tenant");
        String evidence = "/audit/evidence?execution_id=" + executionId;
        for (String path : List.of("/audit/verify", evidence)) {
            assertProblem(get(path, SUBMITTER_ONLY_A), 403, "FORBIDDEN");
            assertProblem(get(path, OPERATOR_ONLY_A), 403, "FORBIDDEN");
            assertProblem(get(path, null), 401, "UNAUTHENTICATED");
        }
        assertProblem(get(evidence, OPERATOR_B), 404, "EXECUTION_NOT_FOUND");
        assertProblem(get("/audit/evidence?execution_id=" + UUID.randomUUID(), AUDITOR_ONLY_A), 404,
                "EXECUTION_NOT_FOUND");
        assertProblem(get("/audit/evidence", AUDITOR_ONLY_A), 400, "INVALID_REQUEST");

        JsonNode verifyB = get("/audit/verify", OPERATOR_B).json();
        assertThat(verifyB.path("valid").asBoolean()).as("%s", verifyB).isTrue();
        long tenantB = chainSize(TENANT_B);
        assertThat(verifyB.path("verified").asLong()).isEqualTo(tenantB).isPositive();
        List<String> tenantAEvents = jdbc.queryForList(
                "select event_identifier from audit_chain where execution_id = ?", String.class,
                UUID.fromString(executionId));
        assertThat(tenantAEvents).isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_chain where tenant_id = ? and execution_id = ?",
                Long.class, TENANT_B, UUID.fromString(executionId))).isZero();
    }

    /** Submits an echo, waits until it completed and its completion is on the timeline (and so on the chain). */
    private String completed(String submitter, String auditor, String sessionId, String message) {
        String executionId = submitEcho(submitter, sessionId, Map.of("message", message));
        awaitStatus(submitter, executionId, "completed");
        await("completion of " + executionId + " on the timeline",
                () -> get("/execution/" + executionId + "/timeline", auditor).body(),
                body -> body.contains("ExecutionCompletedEvent"));
        return executionId;
    }

    private long chainSize(String tenant) {
        return jdbc.queryForObject("select count(*) from audit_chain where tenant_id = ?", Long.class, tenant);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
