package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests the fuzz test found answered with a 500 or an HTML page, each now a 4xx problem: a path Tomcat cannot
 * decode, broken body framing, a transfer coding Tomcat does not implement, a request straight to the error path, a
 * multipart body that cannot be parsed, a wildcard body media type.
 */
class MalformedRequestHttpTest extends HttpTestSupport {

    @Test
    void aPathTomcatCannotDecodeIsAProblemNotAnHtmlPage() throws IOException {
        for (String path : List.of("/session/%zz", "/session/a%00b", "/session/..%2F..%2Fetc", "/session/../..")) {
            RawHttpExchange.Outcome outcome = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                    + SUBMITTER_A + "\r\nConnection: close\r\n\r\n");

            assertThat(outcome.status()).as("%s answered %s", path, outcome).isEqualTo(400);
            assertThat(outcome.header("Content-Type")).as(path).startsWith(PROBLEM_JSON);
            assertThat(outcome.body()).as(path).contains("\"code\":\"INVALID_REQUEST\"");
        }
    }

    @Test
    void brokenBodyFramingIsAProblem() throws IOException {
        RawHttpExchange.Outcome outcome = raw("POST /session/create HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                + SUBMITTER_A + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");

        assertThat(outcome.status()).as("answered %s", outcome).isEqualTo(400);
        assertThat(outcome.header("Content-Type")).startsWith(PROBLEM_JSON);
    }

    @Test
    void aTransferCodingTheServerDoesNotImplementIsARefusedRequestNotAServerError() throws IOException {
        RawHttpExchange.Outcome outcome = raw("POST /session/create HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                + SUBMITTER_A + "\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\n"
                + "Connection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");

        assertThat(outcome.status()).as("answered %s", outcome).isEqualTo(400);
        assertThat(outcome.body()).contains("\"code\":\"INVALID_REQUEST\"");
    }

    @Test
    void aRequestStraightToTheErrorPathFindsNothing() {
        assertProblem(get("/error", SUBMITTER_A), 404, "NOT_FOUND");
        assertProblem(sendJson("DELETE", "/error", SUBMITTER_A, null), 404, "NOT_FOUND");
    }

    @Test
    void aMultipartBodyThatCannotBeParsedIsInvalid() {
        String sessionId = createSession(SUBMITTER_A);
        String cut = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello";

        Response response = send("POST", "/content/upload?session_id=" + sessionId, SUBMITTER_A,
                HttpRequest.BodyPublishers.ofString(cut), "multipart/form-data; boundary=b");

        assertProblem(response, 400, "INVALID_REQUEST");
    }

    @Test
    void aWildcardBodyMediaTypeIsUnsupported() {
        for (String type : List.of("*/*", "application/*")) {
            Response response = send("POST", "/session/create", SUBMITTER_A,
                    HttpRequest.BodyPublishers.ofString(toJson(Map.of("context", Map.of()))), type);

            assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    private RawHttpExchange.Outcome raw(String request) throws IOException {
        return RawHttpExchange.exchange(port, List.of(request.getBytes(StandardCharsets.US_ASCII)), Duration.ZERO,
                false);
    }
}
