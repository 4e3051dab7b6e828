package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.config.IntakeProperties;
import io.symphainy.runtime.core.intake.IntakeAdmission;
import io.symphainy.runtime.realm.content.upload.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A busy intake turns intents away at once with 503 {@code RUNTIME_BUSY} and a {@code Retry-After}, and records
 * nothing of them: no execution, no staged upload. The test takes every place in the intake itself, as intents being
 * recorded would, then gives them back.
 */
class IntakeAdmissionHttpTest extends ContentHttpTestSupport {

    @Autowired
    IntakeAdmission admission;
    @Autowired
    IntakeProperties intake;

    @Test
    void aBusyIntakeAnswers503WithRetryAfterAndRecordsNothingUntilAPlaceIsFree() {
        String session = createSession(SUBMITTER_A);
        Response[] response = new Response[1];

        List<IntakeAdmission.Slot> taken = takeEveryPlace();
        try {
            assertWritesNothing(session, OPERATOR_A, SUBMITTER_A,
                    () -> response[0] = post("/intent/submit", SUBMITTER_A, echoIntent(session, Map.of())));
        } finally {
            taken.forEach(IntakeAdmission.Slot::close);
        }

        assertProblem(response[0], 503, "RUNTIME_BUSY");
        assertThat(response[0].headers().firstValue("Retry-After")).contains("1");
        submit(SUBMITTER_A, echoIntent(session, Map.of()));
    }

    @Test
    void aBusyIntakeDiscardsTheBytesAnUploadStagedForIt() {
        String session = createSession(SUBMITTER_A);
        byte[] file = ("busy upload " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        Response response;
        List<IntakeAdmission.Slot> taken = takeEveryPlace();
        try {
            response = multipart(SUBMITTER_A, session, "busy.txt", file, "content.upload");
        } finally {
            taken.forEach(IntakeAdmission.Slot::close);
        }

        assertProblem(response, 503, "RUNTIME_BUSY");
        assertThat(rowsWithHash("content_staging", TENANT_A, Hashes.sha256(file))).isZero();
        assertThat(rowsWithHash("content_blob", TENANT_A, Hashes.sha256(file))).isZero();
    }

    private List<IntakeAdmission.Slot> takeEveryPlace() {
        List<IntakeAdmission.Slot> taken = new ArrayList<>();
        for (int place = 0; place < intake.maxConcurrent(); place++) {
            // One tenant may hold only its share of the places, so several hold them all.
            taken.add(admission.enter(new TenantId("tenant-holding-the-intake-" + place)));
        }
        return taken;
    }
}
