package io.symphainy.runtime.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.execution.messages.RejectionCode;
import io.symphainy.runtime.core.session.SessionAdmission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntakeRulesTest {

    @Test
    void takesTheRealmTheIntentNames() {
        assertThat(IntakeRules.realmOf("content.parse", "documents")).isEqualTo("documents");
    }

    @ParameterizedTest(name = "named realm \"{0}\"")
    @CsvSource(value = {"NULL", "''", "'   '"}, nullValues = "NULL")
    void derivesTheRealmFromTheIntentTypeWhenNoneIsNamed(String namedRealm) {
        assertThat(IntakeRules.realmOf("content.parse", namedRealm)).isEqualTo("content");
    }

    @Test
    void derivesTheRealmFromTheFirstSegmentOfADottedIntentType() {
        assertThat(IntakeRules.realmOf("content.parse.pdf", null)).isEqualTo("content");
    }

    @Test
    void takesAnUndottedIntentTypeAsItsOwnRealm() {
        assertThat(IntakeRules.realmOf("content", null)).isEqualTo("content");
    }

    @Test
    void takesAnIntentTypeStartingWithADotAsItsOwnRealm() {
        assertThat(IntakeRules.realmOf(".parse", null)).isEqualTo(".parse");
    }

    @Test
    void anOpenSessionRefusesNothing() {
        assertThat(IntakeRules.sessionRefusal(SessionAdmission.OPEN)).isEmpty();
    }

    @Test
    void aClosedSessionRefusesAsClosed() {
        assertThat(IntakeRules.sessionRefusal(SessionAdmission.CLOSED)).contains(RejectionCode.SESSION_CLOSED);
    }

    @Test
    void anotherTenantsSessionRefusesAsNotFound() {
        assertThat(IntakeRules.sessionRefusal(SessionAdmission.NOT_FOUND)).contains(RejectionCode.SESSION_NOT_FOUND);
    }

    @Test
    void matchesTheCapabilitysOwnRealm() {
        assertThat(IntakeRules.realmMatches("content", "content")).isTrue();
    }

    @ParameterizedTest(name = "{0} vs content")
    @CsvSource({"orders", "Content", "content.parse", "''"})
    void matchesNoOtherRealm(String intentRealm) {
        assertThat(IntakeRules.realmMatches(intentRealm, "content")).isFalse();
    }
}
