package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import io.symphainy.runtime.realm.content.upload.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tenant quotas through HTTP: an admin reads and sets the quota of their own tenant (recorded and audited), and a
 * tenant over a limit gets 429 {@code TENANT_QUOTA_EXCEEDED} naming the limit with {@code Retry-After}, with nothing
 * of the request recorded and other tenants unaffected. tenant-quota's quota is set by each test and lifted after it;
 * tenant-quota-configured has a configured override (see {@link HttpTestSupport}).
 */
class QuotaHttpTest extends ContentHttpTestSupport {

    static final String TENANT_QUOTA = "tenant-quota";
    /** tenant-quota, user quinn: submitter, operator, auditor and admin. */
    static final String QUOTA_ADMIN = "http-test-quota-admin";
    /** tenant-quota, user quentin: submitter and operator, not admin. */
    static final String QUOTA_SUBMITTER = "http-test-quota-submitter";
    /** tenant-quota-configured, user cora: submitter, operator and admin. */
    static final String CONFIGURED_ADMIN = "http-test-quota-configured";

    @Autowired
    RuntimeMeters meters;

    @AfterEach
    void liftTheQuota() {
        assertStatus(put(QUOTA_ADMIN, Map.of()), 200);
    }

    @Test
    void anAdminSetsTheTenantsQuotaWhichIsRecordedInItsAuditTimelineAndNowhereElse() {
        JsonNode untouched = get("/admin/quota", ADMIN_B).json();
        assertThat(untouched.path("source").asText()).isEqualTo("default");
        assertThat(untouched.path("max_in_flight").isNull()).as("no limit: %s", untouched).isTrue();

        Response set = put(QUOTA_ADMIN, limits(50, 100.0, 200, 1_000_000L));

        assertStatus(set, 200);
        assertThat(set.json().path("tenant_id").asText()).isEqualTo(TENANT_QUOTA);
        assertThat(set.json().path("source").asText()).isEqualTo("recorded");
        assertThat(set.json().path("set_by").asText()).isEqualTo("quinn");
        JsonNode read = get("/admin/quota", QUOTA_ADMIN).json();
        assertThat(read.path("max_in_flight").asInt()).isEqualTo(50);
        assertThat(read.path("intents_per_second").asDouble()).isEqualTo(100.0);
        assertThat(read.path("burst").asInt()).isEqualTo(200);
        assertThat(read.path("upload_bytes_per_day").asLong()).isEqualTo(1_000_000L);
        assertThat(read.has("in_flight") && read.has("upload_bytes_today")).as("usage in %s", read).isTrue();
        JsonNode audited = await("the quota setting in the audit timeline", () -> get(
                "/audit/events?event_type=TenantQuotaSetEvent&user_id=quinn", QUOTA_ADMIN).json().path("entries"),
                entries -> entries.toString().contains("max_in_flight 50"));
        assertThat(audited.toString()).contains("tenant quota set: max_in_flight 50, intents_per_second 100.0");
        assertThat(get("/admin/quota", ADMIN_B).json().path("source").asText()).isEqualTo("default");
        assertThat(get("/audit/events?event_type=TenantQuotaSetEvent", AUDITOR_ONLY_A).json().path("entries"))
                .as("another tenant's audit timeline").isEmpty();
    }

    @Test
    void onlyAnAdminOfTheTenantMaySetItsQuotaAndABadBodyWritesNothing() {
        long settings = settingsRecorded();

        assertProblem(get("/admin/quota", QUOTA_SUBMITTER), 403, "FORBIDDEN");
        assertProblem(put(QUOTA_SUBMITTER, limits(1, null, null, null)), 403, "FORBIDDEN");
        assertProblem(put(QUOTA_ADMIN, Map.of("max_in_flight", 1, "tenant_id", TENANT_B)), 403, "TENANT_MISMATCH");
        JsonNode zero = assertProblem(put(QUOTA_ADMIN, limits(0, null, null, null)), 400, "INVALID_REQUEST");
        assertThat(zero.path("errors").toString()).contains("max_in_flight");
        JsonNode burstAlone = assertProblem(put(QUOTA_ADMIN, limits(null, null, 5, null)), 400, "INVALID_REQUEST");
        assertThat(burstAlone.path("errors").toString()).contains("burst").contains("needs intents_per_second");
        assertProblem(put(QUOTA_ADMIN, Map.of("max_in_flight", "many")), 400, "INVALID_REQUEST");
        assertProblem(put(QUOTA_ADMIN, Map.of("max_inflight", 3)), 400, "INVALID_REQUEST");
        assertProblem(sendJson("PUT", "/admin/quota", QUOTA_ADMIN, "{\"max_in_flight\": "), 400, "MALFORMED_JSON");

        assertThat(settingsRecorded()).as("quota settings recorded by refused requests").isEqualTo(settings);
    }

    @Test
    void anIntentOverTheRateIs429WithRetryAfterRecordsNothingAndLeavesOtherTenantsAlone() {
        assertStatus(put(QUOTA_ADMIN, limits(null, 0.2, 1, null)), 200);
        String session = createSession(QUOTA_ADMIN);
        submit(QUOTA_ADMIN, echoIntent(session, Map.of()));
        long executions = executionsOf(TENANT_QUOTA);
        double refusedBefore = refused("intents_per_second");

        Response refused = post("/intent/submit", QUOTA_ADMIN, echoIntent(session, Map.of()));

        JsonNode problem = assertProblem(refused, 429, "TENANT_QUOTA_EXCEEDED");
        assertThat(problem.path("limit").asText()).isEqualTo("intents_per_second");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));
        assertThat(executionsOf(TENANT_QUOTA)).as("executions recorded for the refused intent").isEqualTo(executions);
        assertThat(refused("intents_per_second")).isEqualTo(refusedBefore + 1);
        String other = createSession(SUBMITTER_A);
        for (int i = 0; i < 3; i++) {
            submit(SUBMITTER_A, echoIntent(other, Map.of()));
        }
    }

    @Test
    void anIntentOverTheExecutionsInFlightIs429UntilOneEnds() {
        assertStatus(put(QUOTA_ADMIN, limits(1, null, null, null)), 200);
        String session = createSession(QUOTA_ADMIN);
        String running = submitEcho(QUOTA_ADMIN, session, Map.of("sleep_ms", 300));
        long executions = executionsOf(TENANT_QUOTA);

        Response refused = post("/intent/submit", QUOTA_ADMIN, echoIntent(session, Map.of()));

        assertThat(assertProblem(refused, 429, "TENANT_QUOTA_EXCEEDED").path("limit").asText())
                .isEqualTo("max_in_flight");
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(executionsOf(TENANT_QUOTA)).isEqualTo(executions);
        assertThat(get("/admin/quota", QUOTA_ADMIN).json().path("in_flight").asLong()).isEqualTo(1);
        submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of());
        awaitStatus(QUOTA_ADMIN, running, "completed");
        submitEcho(QUOTA_ADMIN, session, Map.of());
    }

    @Test
    void anUploadOverTheDailyBytesIs429AndNothingIsStagedOrCounted() {
        long today = get("/admin/quota", QUOTA_ADMIN).json().path("upload_bytes_today").asLong();
        byte[] fits = ("quota upload " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] over = ("quota upload over " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        assertStatus(put(QUOTA_ADMIN, limits(null, null, null, today + fits.length + over.length - 1)), 200);
        String session = createSession(QUOTA_ADMIN);
        uploadFile(QUOTA_ADMIN, session, "fits.txt", fits, "content.upload");

        Response refused = multipart(QUOTA_ADMIN, session, "over.txt", over, "content.upload");

        assertThat(assertProblem(refused, 429, "TENANT_QUOTA_EXCEEDED").path("limit").asText())
                .isEqualTo("upload_bytes_per_day");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 86_400L));
        assertThat(rowsWithHash("content_staging", TENANT_QUOTA, Hashes.sha256(over))).isZero();
        assertThat(rowsWithHash("content_blob", TENANT_QUOTA, Hashes.sha256(over))).isZero();
        assertThat(get("/admin/quota", QUOTA_ADMIN).json().path("upload_bytes_today").asLong())
                .isEqualTo(today + fits.length);
    }

    @Test
    void aConfiguredOverrideAppliesUntilTheTenantsAdminRecordsAQuota() {
        JsonNode configured = get("/admin/quota", CONFIGURED_ADMIN).json();
        assertThat(configured.path("source").asText()).isEqualTo("configured");
        assertThat(configured.path("max_in_flight").asInt()).isEqualTo(1);
        assertThat(configured.path("intents_per_second").asDouble()).isEqualTo(500.0);
        String session = createSession(CONFIGURED_ADMIN);
        String running = submitEcho(CONFIGURED_ADMIN, session, Map.of("sleep_ms", 300));
        assertProblem(post("/intent/submit", CONFIGURED_ADMIN, echoIntent(session, Map.of())), 429,
                "TENANT_QUOTA_EXCEEDED");

        Response lifted = put(CONFIGURED_ADMIN, Map.of());

        assertThat(lifted.json().path("source").asText()).isEqualTo("recorded");
        assertThat(lifted.json().path("max_in_flight").isNull()).isTrue();
        submitEcho(CONFIGURED_ADMIN, session, Map.of());
        awaitStatus(CONFIGURED_ADMIN, running, "completed");
    }

    private Response put(String apiKey, Map<String, Object> body) {
        return sendJson("PUT", "/admin/quota", apiKey, body);
    }

    private static Map<String, Object> limits(Integer maxInFlight, Double perSecond, Integer burst, Long bytes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("max_in_flight", maxInFlight);
        body.put("intents_per_second", perSecond);
        body.put("burst", burst);
        body.put("upload_bytes_per_day", bytes);
        return body;
    }

    private long executionsOf(String tenant) {
        Long count = jdbc.queryForObject("select count(*) from execution_state where tenant_id = ?", Long.class,
                tenant);
        return count == null ? 0 : count;
    }

    private long settingsRecorded() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, "quota:" + TENANT_QUOTA);
        return count == null ? 0 : count;
    }

    private double refused(String limit) {
        Counter counter = meters.registry().find("runtime.quota.exceeded").tag("tenant", TENANT_QUOTA)
                .tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }
}
