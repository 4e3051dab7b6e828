package io.symphainy.runtime.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyMatch;
import io.symphainy.runtime.core.policy.messages.PolicyRule;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyRulesTest {

    private static final PolicyMatch ANY = PolicyMatch.any();

    @Test
    void theFirstMatchingRuleDecides() {
        PolicyDocument document = document(Decision.DENY,
                rule("first", Decision.ALLOW, ANY),
                rule("second", Decision.DENY, ANY));

        PolicyDecision decision = PolicyRules.evaluate(document, 3, subject());

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.rule()).isEqualTo("first");
        assertThat(decision.policyVersion()).isEqualTo(3);
        assertThat(decision.roles()).containsExactly("submitter");
        assertThat(decision.approvalTimeout()).isNull();
    }

    @Test
    void laterRulesDecideWhenEarlierOnesDoNotMatch() {
        PolicyDocument document = document(Decision.ALLOW,
                rule("critical-only", Decision.DENY, match().riskLevel(RiskLevel.CRITICAL)),
                rule("high", Decision.REQUIRE_APPROVAL, match().riskLevel(RiskLevel.HIGH)));

        assertThat(PolicyRules.evaluate(document, 1, subject()).rule()).isEqualTo("high");
    }

    @Test
    void theDefaultDecidesWhenNoRuleMatches() {
        PolicyDocument document = document(Decision.REQUIRE_APPROVAL,
                rule("other-realm", Decision.ALLOW, match().realm("billing")));

        PolicyDecision decision = PolicyRules.evaluate(document, 2, subject());

        assertThat(decision.decision()).isEqualTo(Decision.REQUIRE_APPROVAL);
        assertThat(decision.rule()).isEqualTo(PolicyRules.DEFAULT_RULE);
        assertThat(decision.approvalTimeout()).isEqualTo(PolicyDocument.DEFAULT_APPROVAL_TIMEOUT);
    }

    @Test
    void aTenantWithoutPolicyGetsTheFallbackUnderTheNoPolicyRule() {
        PolicyDecision decision = PolicyRules.withoutPolicy(Decision.DENY, subject());

        assertThat(decision.decision()).isEqualTo(Decision.DENY);
        assertThat(decision.rule()).isEqualTo("no-policy");
        assertThat(decision.policyVersion()).isZero();
    }

    @Test
    void anApprovalRuleCarriesItsTimeout() {
        PolicyDocument document = document(Decision.DENY,
                new PolicyRule("hold", Decision.REQUIRE_APPROVAL, ANY, Duration.ofMinutes(5)));

        assertThat(PolicyRules.evaluate(document, 1, subject()).approvalTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anEmptyMatchMatchesEverything() {
        assertThat(PolicyRules.matches(ANY, subject())).isTrue();
        assertThat(PolicyRules.matches(null, subject())).isTrue();
    }

    @ParameterizedTest(name = "risk_level {0} against HIGH: {1}")
    @CsvSource({"HIGH, true", "MEDIUM, false", "CRITICAL, false"})
    void riskLevelMatchesExactly(RiskLevel level, boolean matches) {
        assertThat(PolicyRules.matches(match().riskLevel(level).build(), subject())).isEqualTo(matches);
    }

    @ParameterizedTest(name = "risk_level_at_least {0} against HIGH: {1}")
    @CsvSource({"LOW, true", "MEDIUM, true", "HIGH, true", "CRITICAL, false"})
    void riskLevelAtLeastMatchesThatLevelAndHigherOnes(RiskLevel level, boolean matches) {
        assertThat(PolicyRules.matches(match().riskLevelAtLeast(level).build(), subject())).isEqualTo(matches);
    }

    @ParameterizedTest(name = "intent_type {0}: {1}")
    @CsvSource({"content.publish, true", "content.parse, false", "content.*, true", "*.publish, true",
            "*, true", "cont*lish, true", "billing.*, false", "content., false", "content.*.x, false"})
    void intentTypeMatchesExactlyOrAsAGlob(String pattern, boolean matches) {
        assertThat(PolicyRules.matches(match().intentType(pattern).build(), subject())).isEqualTo(matches);
    }

    @Test
    void globCharactersOtherThanTheStarAreLiteral() {
        assertThat(PolicyRules.globMatches("content.pub?ish", "content.publish")).isFalse();
        assertThat(PolicyRules.globMatches("content.(publish)", "content.(publish)")).isTrue();
        assertThat(PolicyRules.globMatches("c.*", "cX*")).isFalse();
    }

    @ParameterizedTest(name = "realm {0}: {1}")
    @CsvSource({"content, true", "billing, false"})
    void realmMatchesExactly(String realm, boolean matches) {
        assertThat(PolicyRules.matches(match().realm(realm).build(), subject())).isEqualTo(matches);
    }

    @Test
    void rolesAnyMatchesWhenTheCallerHoldsOneOfTheRoles() {
        assertThat(PolicyRules.matches(match().rolesAny("admin", "submitter").build(), subject())).isTrue();
        assertThat(PolicyRules.matches(match().rolesAny("SUBMITTER").build(), subject())).isTrue();
        assertThat(PolicyRules.matches(match().rolesAny("admin", "approver").build(), subject())).isFalse();
    }

    @Test
    void userIdMatchesTheCaller() {
        assertThat(PolicyRules.matches(match().userId("alice").build(), subject())).isTrue();
        assertThat(PolicyRules.matches(match().userId("bob").build(), subject())).isFalse();
    }

    @Test
    void payloadSizeBoundsAreInclusiveBytesOfTheJson() {
        PolicySubject subject = subject(Map.of("a", "ü"));
        long size = "{\"a\":\"ü\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

        assertThat(PolicyRules.payloadBytes(subject)).isEqualTo(size);
        assertThat(PolicyRules.matches(match().payloadMaxBytes(size).build(), subject)).isTrue();
        assertThat(PolicyRules.matches(match().payloadMaxBytes(size - 1).build(), subject)).isFalse();
        assertThat(PolicyRules.matches(match().payloadMinBytes(size).build(), subject)).isTrue();
        assertThat(PolicyRules.matches(match().payloadMinBytes(size + 1).build(), subject)).isFalse();
    }

    @Test
    void payloadHasFieldLooksAtTopLevelFieldsOnly() {
        PolicySubject subject = subject(Map.of("amount", 10, "nested", Map.of("secret", true)));

        assertThat(PolicyRules.matches(match().payloadHasField("amount").build(), subject)).isTrue();
        assertThat(PolicyRules.matches(match().payloadHasField("secret").build(), subject)).isFalse();
    }

    @ParameterizedTest(name = "capability_version {0}: {1}")
    @CsvSource({"2, true", "1, false", "2.*, false", "*, true", "2*, true"})
    void capabilityVersionMatchesExactlyOrAsAGlob(String pattern, boolean matches) {
        PolicySubject onVersionTwo = new PolicySubject(new TenantId("tenant-a"), new UserId("alice"),
                Set.of("submitter"), "content.publish", "content", RiskLevel.HIGH, Map.of(), "2");

        assertThat(PolicyRules.matches(match().capabilityVersion(pattern).build(), onVersionTwo)).isEqualTo(matches);
        assertThat(PolicyRules.matches(match().capabilityVersion(pattern).build(), subject()))
                .as("a subject without a known version matches no version condition").isFalse();
    }

    @Test
    void everyConditionOfAMatchMustHold() {
        MatchBuilder both = match().realm("content").userId("bob");

        assertThat(PolicyRules.matches(both.build(), subject())).isFalse();
        assertThat(PolicyRules.matches(match().realm("content").userId("alice").build(), subject())).isTrue();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static PolicySubject subject() {
        return subject(Map.of("title", "hello"));
    }

    private static PolicySubject subject(Map<String, Object> payload) {
        return new PolicySubject(new TenantId("tenant-a"), new UserId("alice"), Set.of("submitter"),
                "content.publish", "content", RiskLevel.HIGH, payload);
    }

    private static PolicyDocument document(Decision fallback, PolicyRule... rules) {
        return new PolicyDocument(List.of(rules), fallback);
    }

    private static PolicyRule rule(String name, Decision decision, Object match) {
        PolicyMatch built = match instanceof MatchBuilder builder ? builder.build() : (PolicyMatch) match;
        return new PolicyRule(name, decision, built, null);
    }

    private static MatchBuilder match() {
        return new MatchBuilder();
    }

    /** Builds a match with one or more conditions, the others unset. */
    private static final class MatchBuilder {
        private RiskLevel riskLevel;
        private RiskLevel riskLevelAtLeast;
        private String intentType;
        private String realm;
        private Set<String> rolesAny;
        private String userId;
        private Long maxBytes;
        private Long minBytes;
        private String field;
        private String capabilityVersion;

        MatchBuilder riskLevel(RiskLevel value) {
            riskLevel = value;
            return this;
        }

        MatchBuilder riskLevelAtLeast(RiskLevel value) {
            riskLevelAtLeast = value;
            return this;
        }

        MatchBuilder intentType(String value) {
            intentType = value;
            return this;
        }

        MatchBuilder realm(String value) {
            realm = value;
            return this;
        }

        MatchBuilder rolesAny(String... values) {
            rolesAny = Set.of(values);
            return this;
        }

        MatchBuilder userId(String value) {
            userId = value;
            return this;
        }

        MatchBuilder payloadMaxBytes(long value) {
            maxBytes = value;
            return this;
        }

        MatchBuilder payloadMinBytes(long value) {
            minBytes = value;
            return this;
        }

        MatchBuilder payloadHasField(String value) {
            field = value;
            return this;
        }

        MatchBuilder capabilityVersion(String value) {
            capabilityVersion = value;
            return this;
        }


        PolicyMatch build() {
            return new PolicyMatch(riskLevel, riskLevelAtLeast, intentType, realm, rolesAny, userId, maxBytes,
                    minBytes, field, capabilityVersion);
        }
    }
}
