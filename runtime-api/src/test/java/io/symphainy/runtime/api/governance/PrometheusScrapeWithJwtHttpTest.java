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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.TestPropertySource;

/**
 * With JWTs enabled, Prometheus still scrapes with its token (which is no JWT), and operators and admins may scrape
 * with a JWT of theirs.
 */
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = "runtime.metrics.scrape-token=" + PrometheusScrapeWithJwtHttpTest.SCRAPE_TOKEN)
class PrometheusScrapeWithJwtHttpTest extends GovernanceHttpTestSupport {

    static final String SCRAPE_TOKEN = "jwt-context-scrape-token";
    private static final String PROMETHEUS = "/actuator/prometheus";

    @Test
    void theScrapeTokenIsNotMistakenForAJwt() {
        Response scrape = scrape("Bearer " + SCRAPE_TOKEN);

        assertStatus(scrape, 200);
        assertThat(scrape.body()).contains("runtime_wal_size_events");
    }

    @Test
    void operatorsAndAdminsScrapeWithTheirJwt() {
        assertStatus(scrape("Bearer " + jwt(JWT_SECRET, claims("operator"))), 200);
        assertStatus(scrape("Bearer " + jwt(JWT_SECRET, claims("admin"))), 200);
        assertProblem(scrape("Bearer " + jwt(JWT_SECRET, claims("submitter"))), 403, "FORBIDDEN");
    }

    @Test
    void otherBearerTokensAreRefused() {
        assertProblem(scrape("Bearer not-the-scrape-token"), 401, "UNAUTHENTICATED");
        String forged = jwt("another-secret-that-is-also-long-enough!!", claims("operator"));
        assertProblem(scrape("Bearer " + forged), 401, "UNAUTHENTICATED");
    }

    private Response scrape(String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Accept", "text/plain");
        return send("GET", PROMETHEUS, headers, null);
    }

    private static JWTClaimsSet claims(String role) {
        return new JWTClaimsSet.Builder().subject("pat").claim("tenant_id", TENANT_A).claim("roles", List.of(role))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
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
}
