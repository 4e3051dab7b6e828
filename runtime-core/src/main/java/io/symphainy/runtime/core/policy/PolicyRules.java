package io.symphainy.runtime.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyMatch;
import io.symphainy.runtime.core.policy.messages.PolicyRule;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a policy decides about an intent: the first rule whose every condition holds decides, else the document's
 * default; a tenant without a policy gets the runtime's fallback decision.
 */
public final class PolicyRules {

    /** The rule name recorded when no rule matched and the document's default decided. */
    public static final String DEFAULT_RULE = "default";
    /** The rule name recorded when the tenant had published no policy. */
    public static final String NO_POLICY_RULE = "no-policy";

    private static final ObjectMapper PAYLOAD_MAPPER = new ObjectMapper();

    private PolicyRules() {
    }

    /** The decision of version {@code version} of a policy about the subject. */
    public static PolicyDecision evaluate(PolicyDocument document, int version, PolicySubject subject) {
        for (PolicyRule rule : document.rules()) {
            if (matches(rule.match(), subject)) {
                return decision(rule.decision(), rule.name(), version, subject, rule.approvalTimeout())
                        .withObligations(rule.obligations());
            }
        }
        return decision(document.defaultDecision(), DEFAULT_RULE, version, subject, null);
    }

    /** The decision about a subject of a tenant that has published no policy. */
    public static PolicyDecision withoutPolicy(Decision fallback, PolicySubject subject) {
        return decision(fallback, NO_POLICY_RULE, 0, subject, null);
    }

    /** Whether every condition the match sets holds for the subject. */
    static boolean matches(PolicyMatch match, PolicySubject subject) {
        if (match == null) {
            return true;
        }
        return (match.riskLevel() == null || match.riskLevel() == subject.riskLevel())
                && (match.riskLevelAtLeast() == null || subject.riskLevel().compareTo(match.riskLevelAtLeast()) >= 0)
                && (match.intentType() == null || globMatches(match.intentType(), subject.intentType()))
                && (match.realm() == null || match.realm().equals(subject.realm()))
                && (match.rolesAny() == null || holdsAny(match, subject))
                && (match.userId() == null || subject.userId() != null
                        && match.userId().equals(subject.userId().value()))
                && (match.payloadMaxBytes() == null || payloadBytes(subject) <= match.payloadMaxBytes())
                && (match.payloadMinBytes() == null || payloadBytes(subject) >= match.payloadMinBytes())
                && (match.payloadHasField() == null || subject.payload().containsKey(match.payloadHasField()))
                && (match.capabilityVersion() == null
                        || globMatches(match.capabilityVersion(), subject.capabilityVersion()));
    }

    /** Whether a value matches a pattern that is exact, or a glob where {@code *} stands for any characters. */
    static boolean globMatches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        if (!pattern.contains("*")) {
            return pattern.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.matches(regex.toString(), value);
    }

    /** The size in bytes of the payload's JSON, as UTF-8. */
    static long payloadBytes(PolicySubject subject) {
        try {
            return PAYLOAD_MAPPER.writeValueAsString(subject.payload()).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload cannot be written as JSON", e);
        }
    }

    private static boolean holdsAny(PolicyMatch match, PolicySubject subject) {
        return subject.roles().stream().map(role -> role.toLowerCase(Locale.ROOT))
                .anyMatch(role -> match.rolesAny().stream().anyMatch(wanted -> wanted.equalsIgnoreCase(role)));
    }

    private static PolicyDecision decision(Decision decision, String rule, int version, PolicySubject subject,
                                           Duration approvalTimeout) {
        Duration timeout = decision != Decision.REQUIRE_APPROVAL ? null
                : approvalTimeout == null ? PolicyDocument.DEFAULT_APPROVAL_TIMEOUT : approvalTimeout;
        return new PolicyDecision(decision, rule, version, subject.roles(), timeout);
    }
}
