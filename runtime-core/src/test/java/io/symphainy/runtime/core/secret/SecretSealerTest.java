package io.symphainy.runtime.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private static final String SECRET = "whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    private final SecretSealer sealer = new SecretSealer(key(1));

    @Test
    void aSealedSecretOpensWithTheSameKeyAndContextAndShowsNothingOfTheSecret() {
        String sealed = sealer.seal(SECRET, "webhook:a");

        assertThat(sealed).startsWith(SecretSealer.PREFIX + sealer.keyId() + ":").doesNotContain(SECRET)
                .doesNotContain(SECRET.substring(6, 20));
        assertThat(sealer.unseal(sealed, "webhook:a")).isEqualTo(SECRET);
        assertThat(sealer.seal(SECRET, "webhook:a")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void aSealedSecretDoesNotOpenForAnotherContext() {
        String sealed = sealer.seal(SECRET, "webhook:a");

        assertThatThrownBy(() -> sealer.unseal(sealed, "webhook:b")).isInstanceOf(SecretUnsealingException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void anotherKeyIsNamedInsteadOfFailingObscurely() {
        String sealed = sealer.seal(SECRET, "webhook:a");
        SecretSealer other = new SecretSealer(key(2));

        assertThatThrownBy(() -> other.unseal(sealed, "webhook:a")).isInstanceOf(SecretUnsealingException.class)
                .hasMessageContaining(sealer.keyId()).hasMessageContaining(other.keyId())
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = sealer.seal(SECRET, "webhook:a");
        int inCiphertext = sealed.length() - 10;
        char original = sealed.charAt(inCiphertext);
        String altered = sealed.substring(0, inCiphertext) + (original == 'A' ? 'B' : 'A')
                + sealed.substring(inCiphertext + 1);

        assertThatThrownBy(() -> sealer.unseal(altered, "webhook:a")).isInstanceOf(SecretUnsealingException.class);
        assertThatThrownBy(() -> sealer.unseal(SecretSealer.PREFIX + "nocolon", "webhook:a"))
                .isInstanceOf(SecretUnsealingException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> sealer.unseal(SecretSealer.PREFIX + sealer.keyId() + ":AAAA", "webhook:a"))
                .isInstanceOf(SecretUnsealingException.class);
    }

    @Test
    void aSecretStoredBeforeSealingIsReturnedAsItIs() {
        assertThat(sealer.unseal(SECRET, "webhook:a")).isEqualTo(SECRET);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new SecretSealer(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    static String encoded(int fill) {
        return Base64.getEncoder().encodeToString(key(fill));
    }
}
