package io.symphainy.runtime.api.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Multipart uploads and content-table checks shared by the content realm's HTTP tests; the Spring context is
 * {@link HttpTestSupport}'s, unchanged.
 */
abstract class ContentHttpTestSupport extends HttpTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    /** Uploads through {@code content.parse_and_embed}, asserts 202 and returns the execution id. */
    String uploadFile(String apiKey, String session, String filename, byte[] bytes) {
        return uploadFile(apiKey, session, filename, bytes, "content.parse_and_embed");
    }

    /** Uploads with the given intent type, asserts 202 and returns the execution id. */
    String uploadFile(String apiKey, String session, String filename, byte[] bytes, String intentType) {
        Response response = multipart(apiKey, session, filename, bytes, intentType);
        assertStatus(response, 202);
        return response.text("execution_id");
    }

    /** {@code POST /content/upload} with the file part sent as {@code application/octet-stream}. */
    Response multipart(String apiKey, String session, String filename, byte[] bytes, String intentType) {
        return multipart(apiKey, session, filename, "application/octet-stream", bytes, intentType);
    }

    Response multipart(String apiKey, String session, String filename, String mediaType, byte[] bytes,
                       String intentType) {
        String boundary = "----content-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "session_id", session);
        field(body, boundary, "intent_type", intentType);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", "/content/upload", apiKey, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                "multipart/form-data; boundary=" + boundary);
    }

    /** Rows of a content table holding the given SHA-256 for the tenant. */
    long rowsWithHash(String table, String tenantId, String sha256) {
        Long count = jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ? and sha256 = ?",
                Long.class, tenantId, sha256);
        return count == null ? 0 : count;
    }

    /** Events in the event store whose stored payload contains the text. */
    long eventsContaining(String text) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where payload::text like ?",
                Long.class, "%" + text + "%");
        return count == null ? 0 : count;
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
