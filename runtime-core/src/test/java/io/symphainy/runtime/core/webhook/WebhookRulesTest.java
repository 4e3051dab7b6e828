package io.symphainy.runtime.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/symphainy", "http://127.0.0.1:8080/hook?x=1",
            "HTTPS://EXAMPLE.COM"})
    void acceptsAbsoluteHttpAndHttpsUrls(String url) {
        assertThat(WebhookRules.urlProblem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/hook", "file:///etc/passwd", "javascript:alert(1)", "/relative/path",
            "https://", "https://user:pw@example.com/", "https://example.com/#frag", "http://exa mple.com", " "})
    void refusesEverythingElse(String url) {
        assertThat(WebhookRules.urlProblem(url)).isPresent();
    }

    @Test
    void refusesNullAndOverlongUrls() {
        assertThat(WebhookRules.urlProblem(null)).contains("url must not be blank");
        assertThat(WebhookRules.urlProblem("https://example.com/" + "a".repeat(WebhookRules.MAX_URL_LENGTH)))
                .isPresent();
    }
}
