package io.symphainy.runtime.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.execution.messages.RejectionCode;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemsTest {

    @Test
    void codesHaveTheirContractualStatuses() {
        assertThat(ProblemCode.MALFORMED_JSON.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ProblemCode.TENANT_MISMATCH.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ProblemCode.PAYLOAD_TOO_LARGE.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(ProblemCode.SESSION_CLOSED.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ProblemCode.IDEMPOTENCY_KEY_CONFLICT.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(ProblemCode.UNKNOWN_INTENT_TYPE.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(ProblemCode.EXECUTION_NOT_FOUND.status()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** The web layer maps the core's refusal codes by name, so every one of them needs a problem code. */
    @Test
    void everyRefusalCodeOfTheCoreHasAProblemCode() {
        Stream.concat(Arrays.stream(RuleViolationCode.values()), Arrays.stream(RejectionCode.values()))
                .map(Enum::name)
                .forEach(name -> assertThat(ProblemCode.valueOf(name).name()).isEqualTo(name));
    }

    @Test
    void typeIsAUrnDerivedFromTheCode() {
        assertThat(ProblemCode.PAYLOAD_SCHEMA_VIOLATION.type())
                .isEqualTo(URI.create("urn:symphainy:problem:payload-schema-violation"));
    }

    @Test
    void frameworkStatusesMapToProtocolCodes() {
        assertThat(ProblemCode.forStatus(HttpStatus.NOT_FOUND)).isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(ProblemCode.forStatus(HttpStatus.FORBIDDEN)).isEqualTo(ProblemCode.FORBIDDEN);
        assertThat(ProblemCode.forStatus(HttpStatus.CONFLICT)).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(ProblemCode.forStatus(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo(ProblemCode.INTERNAL_ERROR);
    }

    @Test
    void problemCarriesCodeTitleTypeAndProperties() {
        ProblemDetail problem = Problems.of(new ProblemException(ProblemCode.SESSION_NOT_FOUND, "No session s-9.",
                Map.of("session_id", "s-9")));

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.NOT_FOUND.value());
        assertThat(problem.getTitle()).isEqualTo("Session not found");
        assertThat(problem.getDetail()).isEqualTo("No session s-9.");
        assertThat(problem.getType()).isEqualTo(URI.create("urn:symphainy:problem:session-not-found"));
        assertThat(problem.getProperties()).containsEntry("code", "SESSION_NOT_FOUND")
                .containsEntry("session_id", "s-9");
    }

    @Test
    void invalidRequestAlwaysHasAnErrorsArray() {
        assertThat(Problems.of(ProblemCode.INVALID_REQUEST).getProperties()).containsEntry("errors", List.of());
        assertThat(Problems.of(ProblemCode.NOT_FOUND).getProperties()).doesNotContainKey("errors");
    }

    @Test
    void responsesAreProblemJson() {
        ResponseEntity<Object> response = Problems.response(Problems.of(ProblemCode.FORBIDDEN));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders()).doesNotContainKey(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void everyUnauthenticatedResponseCarriesTheChallenge() {
        ResponseEntity<Object> response = Problems.response(Problems.of(ProblemCode.UNAUTHENTICATED));

        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("ApiKey header=\"X-API-Key\"");
    }
}
