package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.realm.content.config.ContentProperties;
import io.symphainy.runtime.realm.content.store.StagedBlob;
import io.symphainy.runtime.realm.content.store.StagingStore;
import io.symphainy.runtime.realm.content.upload.ContentStaging;
import io.symphainy.runtime.realm.content.upload.Hashes;
import io.symphainy.runtime.realm.content.upload.StagingJanitor;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Multipart uploads are staged in the content store before their intent is submitted: the intent and the event
 * store carry a staging reference, never the bytes; a refused intent leaves no staged bytes; a staging nobody claims
 * is purged after the grace period; a staging is claimed only by its own tenant.
 */
class ContentStagingHttpTest extends ContentHttpTestSupport {

    private static final Random RANDOM = new Random();

    @Autowired
    ContentStaging staging;

    @Autowired
    StagingStore stagingStore;

    @Autowired
    StagingJanitor janitor;

    @Autowired
    ContentProperties contentProperties;

    @Test
    void multipartUploadsKeepTheFileBytesOutOfTheEventStore() {
        String session = createSession(SUBMITTER_A);
        byte[] file = randomBytes(48 * 1024);
        String base64 = Base64.getEncoder().encodeToString(file);
        String sha256 = Hashes.sha256(file);

        JsonNode state = awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "blob.bin", file,
                "content.upload"), "completed");

        JsonNode facts = step(state, 0).path("facts");
        assertThat(facts.path("sha256").asText()).isEqualTo(sha256);
        assertThat(facts.path("size_bytes").asLong()).isEqualTo(file.length);
        assertThat(eventsContaining(base64.substring(0, 200))).isZero();
        assertThat(eventsContaining(sha256)).isPositive();
        assertThat(rowsWithHash("content_staging", TENANT_A, sha256)).as("the staging is claimed").isZero();
        assertThat(rowsWithHash("content_blob", TENANT_A, sha256)).isEqualTo(1);
        String upload = step(state, 0).path("references").path("content.upload").asText();
        assertThat(get("/data/" + upload + "?hydrate=true", SUBMITTER_A).json().path("content_base64").asText())
                .isEqualTo(base64);

        // The check above can fail: bytes sent inline do land in the event store.
        byte[] inline = randomBytes(3 * 1024);
        String inlineBase64 = Base64.getEncoder().encodeToString(inline);
        awaitStatus(SUBMITTER_A, submit(SUBMITTER_A, Map.of("session_id", session, "intent_type", "content.upload",
                "payload", Map.of("filename", "inline.bin", "content_base64", inlineBase64)))
                .path("execution_id").asText(), "completed");
        assertThat(eventsContaining(inlineBase64.substring(0, 200))).isPositive();
    }

    @Test
    void inlineContentIsLimitedBelowUploadsAndRefusedAtIntake() {
        String session = createSession(SUBMITTER_A);
        String tooLarge = Base64.getEncoder().encodeToString(randomBytes(CONTENT_INLINE_MAX_BYTES + 3));
        JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_A, Map.of("session_id", session,
                "intent_type", "content.upload", "payload", Map.of("filename", "big.bin", "content_base64",
                        tooLarge))), 422, "PAYLOAD_SCHEMA_VIOLATION");
        assertThat(problem.toString()).contains("content_base64");
    }

    @Test
    void aRefusedUploadLeavesNoStagedBytes() {
        String sessionB = createSession(SUBMITTER_B);
        byte[] file = randomBytes(4096);
        assertProblem(multipart(SUBMITTER_A, sessionB, "refused.bin", file, "content.upload"), 404,
                "SESSION_NOT_FOUND");

        String closed = createSession(SUBMITTER_A);
        assertStatus(post("/session/" + closed + "/close", SUBMITTER_A, null), 204);
        assertThat(multipart(SUBMITTER_A, closed, "refused.bin", file, "content.upload").status()).isEqualTo(409);

        String sha256 = Hashes.sha256(file);
        assertThat(rowsWithHash("content_staging", TENANT_A, sha256)).isZero();
        assertThat(rowsWithHash("content_blob", TENANT_A, sha256)).isZero();
    }

    @Test
    void stagingsNobodyClaimsArePurgedAfterTheGracePeriodWithBytesNothingElseUses() {
        TenantId tenant = new TenantId(TENANT_A);
        StagedBlob abandoned = staging.stage(tenant, "abandoned.bin", "application/octet-stream", randomBytes(2048));
        StagedBlob fresh = staging.stage(tenant, "fresh.bin", "application/octet-stream", randomBytes(2048));
        String session = createSession(SUBMITTER_A);
        byte[] kept = randomBytes(2048);
        JsonNode uploaded = awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "kept.bin", kept,
                "content.upload"), "completed");
        StagedBlob keptAgain = staging.stage(tenant, "kept-again.bin", "application/octet-stream", kept);

        janitor.purgeExpired();
        assertThat(stagingStore.exists(TENANT_A, abandoned.stagingId())).as("younger than the grace").isTrue();

        age(abandoned);
        age(keptAgain);
        assertThat(janitor.purgeExpired()).isGreaterThanOrEqualTo(2);

        assertThat(stagingStore.exists(TENANT_A, abandoned.stagingId())).isFalse();
        assertThat(rowsWithHash("content_blob", TENANT_A, abandoned.sha256())).isZero();
        assertThat(stagingStore.exists(TENANT_A, keptAgain.stagingId())).isFalse();
        assertThat(rowsWithHash("content_blob", TENANT_A, keptAgain.sha256())).as("an upload still uses it")
                .isEqualTo(1);
        String upload = step(uploaded, 0).path("references").path("content.upload").asText();
        assertStatus(get("/data/" + upload + "?hydrate=true", SUBMITTER_A), 200);
        assertThat(stagingStore.exists(TENANT_A, fresh.stagingId())).isTrue();

        // A purged staging can no longer be claimed: the upload fails for good, once.
        JsonNode late = awaitStatus(SUBMITTER_A, submit(SUBMITTER_A, Map.of("session_id", session,
                "intent_type", "content.upload", "payload", ContentStaging.payloadOf(abandoned)))
                .path("execution_id").asText(), "failed", "compensated");
        assertThat(late.path("error_code").asText()).isEqualTo("CONTENT_REF_NOT_FOUND");
        assertThat(step(late, 0).path("attempts").asInt()).isEqualTo(1);
        staging.discard(tenant, fresh);
    }

    @Test
    void anotherTenantCannotClaimAStaging() {
        StagedBlob stagedForA = staging.stage(new TenantId(TENANT_A), "mine.bin", "application/octet-stream",
                randomBytes(1024));
        String sessionB = createSession(SUBMITTER_B);
        Map<String, Object> payload = new HashMap<>(ContentStaging.payloadOf(stagedForA));
        JsonNode state = awaitStatus(SUBMITTER_B, submit(SUBMITTER_B, Map.of("session_id", sessionB,
                "intent_type", "content.upload", "payload", payload)).path("execution_id").asText(),
                "failed", "compensated");
        assertThat(state.path("error_code").asText()).isEqualTo("CONTENT_REF_NOT_FOUND");
        assertThat(stagingStore.exists(TENANT_A, stagedForA.stagingId())).isTrue();
        assertThat(rowsWithHash("content_blob", TENANT_B, stagedForA.sha256())).isZero();
        staging.discard(new TenantId(TENANT_A), stagedForA);
    }

    @Test
    void fullReplayOfAStagedUploadSubstitutesItsRecordedOutput() {
        String session = createSession(SUBMITTER_A);
        String execution = uploadFile(SUBMITTER_A, session, "replayed.txt", randomBytes(1024), "content.upload");
        JsonNode state = awaitStatus(SUBMITTER_A, execution, "completed");

        Response replay = post("/execution/" + execution + "/replay", OPERATOR_A, Map.of("mode", "full"));

        assertStatus(replay, 200);
        JsonNode step = replay.json().path("steps").get(0);
        assertThat(step.path("treatment").asText()).isEqualTo("substituted");
        assertThat(step.path("recorded").path("references")).isEqualTo(step(state, 0).path("references"));
    }

    private void age(StagedBlob staged) {
        jdbc.update("update content_staging set staged_at = now() - ?::interval where staging_id = ?",
                contentProperties.stagingGrace().plusMinutes(1).toSeconds() + " seconds", staged.stagingId());
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
