package io.symphainy.runtime.api.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtHttpTest extends GovernanceHttpTestSupport {

    @Test
    void aJwtSignedWithTheConfiguredSecretAuthenticatesWithItsRoles() {
        String token = jwt(JWT_SECRET, claims(TENANT_A, "jill", List.of("submitter")));

        Response session = send("POST", "/session/create", bearer(token), Map.of("context", Map.of()));

        assertStatus(session, 201);
        assertThat(session.text("tenant_id")).isEqualTo(TENANT_A);
        assertThat(session.text("user_id")).isEqualTo("jill");
        assertProblem(send("GET", "/webhooks", bearer(token), null), 403, "FORBIDDEN");
        String admin = jwt(JWT_SECRET, claims(TENANT_B, "kim", List.of("admin", "unknown-role")));
        Response webhooks = send("GET", "/webhooks", bearer(admin), null);
        assertStatus(webhooks, 200);
        assertThat(webhooks.json().path("webhooks").findValuesAsText("tenant_id")).doesNotContain(TENANT_A);
    }

    @Test
    void aJwtWithAWrongSignatureIsRefused() {
        String forged = jwt("another-secret-that-is-also-long-enough!!", claims(TENANT_A, "mallory",
                List.of("admin")));

        assertProblem(send("GET", "/webhooks", bearer(forged), null), 401, "UNAUTHENTICATED");
    }

    @Test
    void aJwtWithoutTenantOrExpiredIsRefused() {
        JWTClaimsSet noTenant = new JWTClaimsSet.Builder().subject("nina").claim("roles", List.of("admin"))
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        assertProblem(send("GET", "/webhooks", bearer(jwt(JWT_SECRET, noTenant)), null), 401, "UNAUTHENTICATED");

        JWTClaimsSet expired = new JWTClaimsSet.Builder(claims(TENANT_A, "otto", List.of("admin")))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build();
        assertProblem(send("GET", "/webhooks", bearer(jwt(JWT_SECRET, expired)), null), 401, "UNAUTHENTICATED");
        assertProblem(send("GET", "/webhooks", bearer("not.a.jwt"), null), 401, "UNAUTHENTICATED");
    }

    @Test
    void apiKeysKeepWorkingNextToJwts() {
        assertStatus(get("/webhooks", ADMIN_A), 200);
    }

    private static JWTClaimsSet claims(String tenantId, String subject, List<String> roles) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("tenant_id", tenantId)
                .claim("roles", roles)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
    }

    private static String jwt(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
