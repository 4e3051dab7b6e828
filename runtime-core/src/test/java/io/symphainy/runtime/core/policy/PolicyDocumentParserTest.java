package io.symphainy.runtime.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyMatch;
import io.symphainy.runtime.core.policy.messages.PolicyRule;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyDocumentParserTest {

    private static final String YAML = """
            default: deny
            rules:
              - name: deny-critical
                decision: DENY
                match:
                  risk_level: CRITICAL
              - name: hold-high-content
                decision: REQUIRE_APPROVAL
                match:
                  risk_level_at_least: HIGH
                  intent_type: "content.*"
                  realm: content
                  roles_any: [submitter, Operator]
                  user_id: alice
                  payload_max_bytes: 1024
                  payload_min_bytes: 2
                  payload_has_field: amount
                approval_timeout: PT2H
              - name: hold-the-rest
                decision: REQUIRE_APPROVAL
              - name: allow-all
                decision: ALLOW
            """;

    @Test
    void readsEveryConditionFromYaml() {
        PolicyDocument document = PolicyDocumentParser.parse(YAML);

        assertThat(document.defaultDecision()).isEqualTo(Decision.DENY);
        assertThat(document.rules()).extracting(PolicyRule::name)
                .containsExactly("deny-critical", "hold-high-content", "hold-the-rest", "allow-all");
        assertThat(document.rules().get(0).match().riskLevel()).isEqualTo(RiskLevel.CRITICAL);
        PolicyRule hold = document.rules().get(1);
        assertThat(hold.decision()).isEqualTo(Decision.REQUIRE_APPROVAL);
        assertThat(hold.approvalTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(hold.match()).isEqualTo(new PolicyMatch(null, RiskLevel.HIGH, "content.*", "content",
                Set.of("submitter", "operator"), "alice", 1024L, 2L, "amount"));
        assertThat(document.rules().get(2).approvalTimeout()).as("REQUIRE_APPROVAL defaults to PT24H")
                .isEqualTo(Duration.ofHours(24));
        assertThat(document.rules().get(3).match()).isEqualTo(PolicyMatch.any());
        assertThat(document.rules().get(3).approvalTimeout()).isNull();
    }

    @Test
    void readsJson() {
        PolicyDocument document = PolicyDocumentParser.parse("""
                {"default": "ALLOW", "rules": [{"name": "no-high", "decision": "DENY",
                  "match": {"risk_level_at_least": "HIGH"}}]}""");

        assertThat(document.defaultDecision()).isEqualTo(Decision.ALLOW);
        assertThat(document.rules()).containsExactly(new PolicyRule("no-high", Decision.DENY,
                new PolicyMatch(null, RiskLevel.HIGH, null, null, null, null, null, null, null), null));
    }

    @Test
    void readsObligationsAndEvaluationLaysThemOnTheDecision() {
        PolicyDocument document = PolicyDocumentParser.parse("""
                default: ALLOW
                rules:
                  - name: cite-or-fail
                    decision: ALLOW
                    match: {intent_type: "*.answer"}
                    obligations: [validate_citations]""");

        assertThat(document.rules().get(0).obligations()).containsExactly("validate_citations");
        assertThat(PolicyDocumentWriter.write(document).toString()).contains("obligations=[validate_citations]");
        assertThat(PolicyRules.evaluate(document, 4, new io.symphainy.runtime.core.policy.messages.PolicySubject(
                null, null, Set.of(), "content.answer", "content", RiskLevel.MEDIUM, java.util.Map.of()))
                .obligations()).containsExactly("validate_citations");
        assertThat(PolicyRules.evaluate(document, 4, new io.symphainy.runtime.core.policy.messages.PolicySubject(
                null, null, Set.of(), "content.search", "content", RiskLevel.MEDIUM, java.util.Map.of()))
                .obligations()).isEmpty();
    }

    @Test
    void refusesUnknownObligationsAndObligationsOnADeny() {
        List<PolicyProblem> problems = problemsOf("""
                default: ALLOW
                rules:
                  - name: odd
                    decision: ALLOW
                    obligations: [sing_loudly]
                  - name: pointless
                    decision: DENY
                    obligations: [validate_citations]
                  - name: scalar
                    decision: ALLOW
                    obligations: validate_citations""");

        assertThat(problems).extracting(PolicyProblem::ruleName, PolicyProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("odd", "rules[0].obligations"),
                org.assertj.core.groups.Tuple.tuple("pointless", "rules[1].obligations"),
                org.assertj.core.groups.Tuple.tuple("scalar", "rules[2].obligations"));
    }

    @Test
    void aDocumentWithoutRulesOnlyHasItsDefault() {
        assertThat(PolicyDocumentParser.parse("default: ALLOW").rules()).isEmpty();
    }

    @Test
    void whatTheWriterWritesParsesBackToTheSameDocument() throws Exception {
        PolicyDocument document = PolicyDocumentParser.parse(YAML);
        String written = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(PolicyDocumentWriter.write(document));

        assertThat(PolicyDocumentParser.parse(written)).isEqualTo(document);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[1, 2]", "just text", "{\"default\": "})
    void refusesTextThatIsNoDocument(String text) {
        List<PolicyProblem> problems = problemsOf(text);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).ruleIndex()).isNull();
    }

    @Test
    void readsACapabilityVersionConditionAndRefusesOneThatIsNoVersion() {
        PolicyDocument document = PolicyDocumentParser.parse("""
                default: ALLOW
                rules:
                  - name: hold-old
                    decision: REQUIRE_APPROVAL
                    match: {capability_version: "1.*"}
                """);

        assertThat(document.rules().get(0).match().capabilityVersion()).isEqualTo("1.*");
        assertThat(problemsOf("default: ALLOW\nrules: [{name: r, decision: DENY, match: {capability_version: v1}}]"))
                .extracting(PolicyProblem::field).containsExactly("rules[0].match.capability_version");
    }

    @Test
    void refusesAMissingOrUnknownDefaultAndUnknownFields() {
        assertThat(problemsOf("rules: []")).extracting(PolicyProblem::field).containsExactly("default");
        assertThat(problemsOf("default: MAYBE")).extracting(PolicyProblem::field).containsExactly("default");
        assertThat(problemsOf("default: ALLOW\nextra: 1")).extracting(PolicyProblem::field)
                .containsExactly("extra");
        assertThat(problemsOf("default: ALLOW\nrules: {}")).extracting(PolicyProblem::field)
                .containsExactly("rules");
    }

    @Test
    void pointsEachProblemAtItsRuleByIndexAndName() {
        List<PolicyProblem> problems = problemsOf("""
                default: DENY
                rules:
                  - name: fine
                    decision: ALLOW
                  - name: broken
                    decision: PERHAPS
                    match:
                      risk_level: EXTREME
                      colour: red
                      payload_max_bytes: -1
                  - decision: DENY
                  - name: fine
                    decision: DENY
                    approval_timeout: PT1H
                  - name: slow
                    decision: REQUIRE_APPROVAL
                    approval_timeout: tomorrow
                  - name: never
                    decision: REQUIRE_APPROVAL
                    approval_timeout: PT0S
                    match:
                      payload_min_bytes: 10
                      payload_max_bytes: 5
                      roles_any: []
                      intent_type: 7
                  - 42
                """);

        assertThat(problems).extracting(p -> p.ruleIndex() + "|" + p.ruleName() + "|" + p.field())
                .containsExactlyInAnyOrder(
                        "1|broken|rules[1].decision",
                        "1|broken|rules[1].match.colour",
                        "1|broken|rules[1].match.risk_level",
                        "1|broken|rules[1].match.payload_max_bytes",
                        "2|null|rules[2].name",
                        "3|fine|rules[3].name",
                        "3|fine|rules[3].approval_timeout",
                        "4|slow|rules[4].approval_timeout",
                        "5|never|rules[5].approval_timeout",
                        "5|never|rules[5].match.payload_min_bytes",
                        "5|never|rules[5].match.roles_any",
                        "5|never|rules[5].match.intent_type",
                        "6|null|rules[6]");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
    }

    private static List<PolicyProblem> problemsOf(String text) {
        InvalidPolicyException refused = catchThrowableOfType(InvalidPolicyException.class,
                () -> PolicyDocumentParser.parse(text));
        assertThat(refused).as("refusal of %s", text).isNotNull();
        return refused.problems();
    }
}
