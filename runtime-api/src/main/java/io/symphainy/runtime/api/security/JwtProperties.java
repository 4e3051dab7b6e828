package io.symphainy.runtime.api.security;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bearer JWT authentication, bound from {@code runtime.security.jwt.*}; off unless one of the two is set.
 *
 * @param hmacSecret the shared secret of HS256-signed tokens, at least 32 bytes
 * @param jwkSetUri  where the issuer publishes its signing keys, for asymmetrically signed tokens
 */
@ConfigurationProperties("runtime.security.jwt")
public record JwtProperties(String hmacSecret, String jwkSetUri) {

    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_HMAC_SECRET_BYTES = 32;

    public JwtProperties {
        if (hasText(hmacSecret) && hasText(jwkSetUri)) {
            throw new IllegalStateException("Set either runtime.security.jwt.hmac-secret or "
                    + "runtime.security.jwt.jwk-set-uri, not both");
        }
        if (hasText(hmacSecret) && hmacSecret.getBytes(StandardCharsets.UTF_8).length < MIN_HMAC_SECRET_BYTES) {
            throw new IllegalStateException("runtime.security.jwt.hmac-secret must be at least "
                    + MIN_HMAC_SECRET_BYTES + " bytes long for HS256");
        }
    }

    /** Whether bearer JWTs are accepted. */
    public boolean enabled() {
        return hasText(hmacSecret) || hasText(jwkSetUri);
    }

    boolean usesHmac() {
        return hasText(hmacSecret);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "JwtProperties[hmacSecret=" + (hasText(hmacSecret) ? "(set)" : "(unset)") + ", jwkSetUri=" + jwkSetUri
                + "]";
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
