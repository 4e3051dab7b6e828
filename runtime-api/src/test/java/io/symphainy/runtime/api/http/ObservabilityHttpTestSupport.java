package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The HTTP test runtime with the observability options on: metrics export (off by default in tests), a Prometheus
 * scrape token, structured JSON logs, debug
 * logs of the response writers (a line logged while a request is served) and the {@code probe.log} capability (a
 * line logged while a step runs). A context of its own, shared by the observability tests.
 */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {
        "runtime.metrics.scrape-token=" + ObservabilityHttpTestSupport.SCRAPE_TOKEN,
        "runtime.logging.format=json",
        "logging.level.org.springframework.web.servlet.mvc.method.annotation=DEBUG"})
@Import(LogProbeCapability.class)
abstract class ObservabilityHttpTestSupport extends GovernanceTestSupport {

    static final String SCRAPE_TOKEN = "test-scrape-token-0123456789";
    static final String PROMETHEUS = "/actuator/prometheus";

    /** GET with an {@code Authorization} header instead of an API key, accepting any media type. */
    Response getWithAuthorization(String path, String authorization) {
        return getAnyMediaType(path, "Authorization", authorization);
    }

    /** GET with an API key, accepting any media type (the scrape is text). */
    Response getAnyMediaType(String path, String apiKey) {
        return getAnyMediaType(path, "X-API-Key", apiKey);
    }

    private Response getAnyMediaType(String path, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (value != null) {
            request.header(header, value);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Response(response.statusCode(), response.headers(), response.body(),
                    json ? JSON.readTree(response.body()) : JSON.missingNode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Prometheus scrape as Prometheus reads it, with the scrape token. */
    String scrape() {
        Response response = getWithAuthorization(PROMETHEUS, "Bearer " + SCRAPE_TOKEN);
        assertStatus(response, 200);
        assertThat(response.contentType()).startsWith("text/plain");
        return response.body();
    }

    /** The value of one sample of the scrape, 0 when the series does not exist (yet). */
    static double sample(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]);
            }
        }
        return 0;
    }
}
