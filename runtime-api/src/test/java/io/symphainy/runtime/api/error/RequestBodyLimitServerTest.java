package io.symphainy.runtime.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.api.security.ApiKeyRegistryLoader;
import io.symphainy.runtime.api.security.ApiSliceTestSupport;
import io.symphainy.runtime.api.security.TestEndpoints;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Checks the body limit on a real Tomcat, because only a real connector sends chunked bodies without a
 * Content-Length; MockMvc always knows the length.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = RequestBodyLimitServerTest.ServerConfiguration.class,
        properties = {"runtime.http.max-body-bytes=" + RequestBodyLimitServerTest.LIMIT,
                ApiSliceTestSupport.NO_EMBEDDED_DATABASE, ApiKeyRegistryLoader.QUICK_START_PROPERTY + "=false"})
class RequestBodyLimitServerTest {

    static final int LIMIT = 1024;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void apiKeysFile(DynamicPropertyRegistry registry) throws IOException {
        ApiSliceTestSupport.registerDevKeysFile(registry);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private ObjectMapper objectMapper;

    /** Only the web, JSON, validation and security auto-configurations: no database, no Axon. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class,
            ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, ValidationAutoConfiguration.class,
            SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
    @Import(ApiSliceTestSupport.SliceConfiguration.class)
    static class ServerConfiguration {
    }

    @Test
    void chunkedBodyWithinTheLimitIsAccepted() throws Exception {
        HttpResponse<String> response = send("/test/raw", chunked(json(LIMIT)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = objectMapper.readTree(response.body());
        assertThat(body.path("bytes").asInt()).isEqualTo(LIMIT);
        assertThat(body.path("declared_length").asLong()).as("no Content-Length was sent").isEqualTo(-1);
        assertThat(body.path("transfer_encoding").asText()).isEqualTo("chunked");
        assertThat(send("/test/echo", chunked(json(LIMIT / 2))).statusCode()).isEqualTo(200);
    }

    @Test
    void chunkedBodyBeyondTheLimitIsPayloadTooLargeAndNeverReachesTheController() throws Exception {
        int before = TestEndpoints.BODY_CALLS.get();

        HttpResponse<String> response = send("/test/echo", chunked(json(LIMIT * 4)));

        assertPayloadTooLarge(response);
        assertThat(TestEndpoints.BODY_CALLS.get()).isEqualTo(before);
    }

    @Test
    void chunkedBodyBeyondTheLimitIsRefusedToControllersReadingTheStream() throws Exception {
        assertPayloadTooLarge(send("/test/raw", chunked(json(LIMIT * 4))));
    }

    @Test
    void declaredBodyBeyondTheLimitIsRefusedBeforeAuthentication() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/test/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(LIMIT + 1)))
                .build();

        assertPayloadTooLarge(client.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> send(String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-API-Key", ApiSliceTestSupport.SUBMITTER_A)
                .POST(body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void assertPayloadTooLarge(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(problem.path("max_body_bytes").asLong()).isEqualTo(LIMIT);
    }

    /** A publisher of unknown length, which the client sends with chunked transfer encoding. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static String json(int size) {
        String prefix = "{\"padding\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
