package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.realm.content.upload.Hashes;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two size limits of {@code POST /content/upload}: the upload path's own body limit
 * ({@code runtime.http.upload-max-body-bytes}) and the content store's ({@code runtime.content.max-bytes}). Both answer
 * 413 with their own stable code and write nothing: no event, no staged bytes.
 */
class ContentLimitsHttpTest extends ContentHttpTestSupport {

    private static final Random RANDOM = new Random();

    @Test
    void aBodyOverTheUploadPathLimitIs413AndWritesNothing() {
        String session = createSession(SUBMITTER_A);
        byte[] file = randomBytes(UPLOAD_MAX_BODY_BYTES + 1024);
        Response[] response = new Response[1];

        assertWritesNothing(session, OPERATOR_A, SUBMITTER_A,
                () -> response[0] = multipart(SUBMITTER_A, session, "huge.bin", file, "content.upload"));

        JsonNode problem = assertProblem(response[0], 413, "PAYLOAD_TOO_LARGE");
        assertThat(problem.path("max_body_bytes").asLong()).isEqualTo(UPLOAD_MAX_BODY_BYTES);
        assertThat(rowsWithHash("content_blob", TENANT_A, Hashes.sha256(file))).isZero();
    }

    @Test
    void aFileOverTheContentLimitIs413WithItsOwnCodeAndWritesNothing() {
        String session = createSession(SUBMITTER_A);
        byte[] file = randomBytes(CONTENT_MAX_BYTES + 1);
        Response[] response = new Response[1];

        assertWritesNothing(session, OPERATOR_A, SUBMITTER_A,
                () -> response[0] = multipart(SUBMITTER_A, session, "big.bin", file, "content.parse_and_embed"));

        JsonNode problem = assertProblem(response[0], 413, "CONTENT_TOO_LARGE");
        assertThat(problem.path("max_bytes").asLong()).isEqualTo(CONTENT_MAX_BYTES);
        assertThat(problem.path("size_bytes").asLong()).isEqualTo(file.length);
        assertThat(problem.path("detail").asText()).contains("runtime.content.max-bytes");
        String sha256 = Hashes.sha256(file);
        assertThat(rowsWithHash("content_blob", TENANT_A, sha256)).isZero();
        assertThat(rowsWithHash("content_staging", TENANT_A, sha256)).isZero();
    }

    @Test
    void aFileAtTheContentLimitIsAccepted() {
        String session = createSession(SUBMITTER_A);
        JsonNode state = awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "limit.bin",
                randomBytes(CONTENT_MAX_BYTES), "content.upload"), "completed");
        assertThat(step(state, 0).path("facts").path("size_bytes").asLong()).isEqualTo(CONTENT_MAX_BYTES);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
