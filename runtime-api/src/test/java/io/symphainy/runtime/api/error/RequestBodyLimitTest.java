package io.symphainy.runtime.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class RequestBodyLimitTest {

    private static final int LIMIT = 8;

    @Test
    void bodyUpToTheLimitReadsCompletely() throws IOException {
        BodyLimitedRequest request = new BodyLimitedRequest(requestWith("12345678"), LIMIT);

        assertThat(request.getInputStream().readAllBytes()).hasSize(LIMIT);
    }

    @Test
    void bodyBeyondTheLimitFailsWhileBeingRead() {
        BodyLimitedRequest request = new BodyLimitedRequest(requestWith("123456789"), LIMIT);

        assertThatThrownBy(() -> request.getInputStream().readAllBytes())
                .isInstanceOfSatisfying(RequestBodyTooLargeException.class,
                        tooLarge -> assertThat(tooLarge.maxBodyBytes()).isEqualTo(LIMIT));
    }

    @Test
    void byteByByteReadsAndReadersAreCountedToo() throws IOException {
        BodyLimitedRequest bytes = new BodyLimitedRequest(requestWith("123456789"), LIMIT);
        for (int i = 0; i < LIMIT; i++) {
            bytes.getInputStream().read();
        }
        assertThatThrownBy(() -> bytes.getInputStream().read()).isInstanceOf(RequestBodyTooLargeException.class);

        BodyLimitedRequest characters = new BodyLimitedRequest(requestWith("123456789"), LIMIT);
        assertThatThrownBy(() -> characters.getReader().readLine())
                .isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void limitDefaultsToOneMebibyteAndAcceptsPlainBytes() {
        assertThat(bind(Map.of()).maxBodyBytes()).isEqualTo(DataSize.ofBytes(1024 * 1024));
        assertThat(bind(Map.of("runtime.http.max-body-bytes", "2048")).maxBodyBytes())
                .isEqualTo(DataSize.ofBytes(2048));
        assertThat(bind(Map.of("runtime.http.max-body-bytes", "2MB")).maxBodyBytes())
                .isEqualTo(DataSize.ofMegabytes(2));
        assertThatThrownBy(() -> new HttpLimitsProperties(DataSize.ofBytes(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpLimitsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("runtime.http", HttpLimitsProperties.class);
    }

    private static MockHttpServletRequest requestWith(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
