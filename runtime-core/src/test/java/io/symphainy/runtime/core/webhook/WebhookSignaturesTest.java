package io.symphainy.runtime.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    private static final byte[] BODY = "{\"event\":\"execution.completed\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsWithHexHmacSha256OfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        String signature = WebhookSignatures.sign("Jefe",
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo(
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void verifiesItsOwnSignatureOnly() {
        String signature = WebhookSignatures.sign("secret-1", BODY);

        assertThat(WebhookSignatures.verify("secret-1", BODY, signature)).isTrue();
        assertThat(WebhookSignatures.verify("secret-2", BODY, signature)).isFalse();
        assertThat(WebhookSignatures.verify("secret-1", "{}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(WebhookSignatures.verify("secret-1", BODY, null)).isFalse();
    }

    @Test
    void generatesDistinctPrefixedSecrets() {
        String first = WebhookSignatures.newSecret();
        String second = WebhookSignatures.newSecret();

        assertThat(first).startsWith("whsec_").hasSize("whsec_".length() + 43).isNotEqualTo(second);
    }
}
