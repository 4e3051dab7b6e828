package io.symphainy.runtime.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.core.state.messages.PageCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorsTest {

    @Test
    void aCursorSurvivesTheRoundTripToTheMicrosecond() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-22T04:55:47.517123Z"), UUID.randomUUID());

        String text = PageCursors.encode(cursor);

        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursors.decode(text)).isEqualTo(cursor);
    }

    @Test
    void noCursorMeansTheFirstOrTheLastPage() {
        assertThat(PageCursors.encode(null)).isNull();
        assertThat(PageCursors.decode(null)).isNull();
        assertThat(PageCursors.decode(" ")).isNull();
    }

    @Test
    void refusesTextThatIsNotACursorAsAnInvalidAfterParameter() {
        String notBase64 = "***";
        String wrongParts = Base64.getUrlEncoder().encodeToString("1.2".getBytes(StandardCharsets.UTF_8));
        String badId = Base64.getUrlEncoder().encodeToString("1.2.not-a-uuid".getBytes(StandardCharsets.UTF_8));
        String badNanos = Base64.getUrlEncoder().encodeToString(("1.x." + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8));
        for (String text : new String[] {notBase64, wrongParts, badId, badNanos}) {
            assertThatThrownBy(() -> PageCursors.decode(text)).as(text)
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_REQUEST);
                        assertThat(problem.properties().toString()).contains("field=after");
                    });
        }
    }
}
