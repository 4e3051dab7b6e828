package io.symphainy.runtime.core.session;

import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.OTHER_EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.OTHER_TENANT;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.closeSession;
import static io.symphainy.runtime.core.TestData.contextUpdated;
import static io.symphainy.runtime.core.TestData.createSession;
import static io.symphainy.runtime.core.TestData.executionAttached;
import static io.symphainy.runtime.core.TestData.executionDetached;
import static io.symphainy.runtime.core.TestData.ruleViolation;
import static io.symphainy.runtime.core.TestData.sessionClosed;
import static io.symphainy.runtime.core.TestData.sessionCreated;
import static io.symphainy.runtime.core.TestData.updateContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SessionTest {

    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    @Test
    void createsASessionWithItsInitialContext() {
        fixture.givenNoPriorActivity()
                .when(createSession(Map.of("language", "en")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(sessionCreated(Map.of("language", "en")));
    }

    @Test
    void createsASessionWithAnEmptyContextWhenNoneIsGiven() {
        fixture.givenNoPriorActivity()
                .when(createSession(null))
                .expectEvents(sessionCreated(Map.of()));
    }

    @Test
    void mergesContextChangesAndRemovesKeysSetToNull() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("topic", null);
        changes.put("language", "de");
        changes.put("mood", "calm");

        fixture.given(sessionCreated(Map.of("language", "en", "topic", "billing", "region", "eu")))
                .when(updateContext(TENANT, changes))
                .expectEvents(contextUpdated(changes, Map.of("language", "de", "region", "eu", "mood", "calm")));
    }

    @Test
    void mergesOntoTheContextLeftByEarlierUpdates() {
        fixture.given(sessionCreated(Map.of("language", "en")),
                        contextUpdated(Map.of("region", "eu"), Map.of("language", "en", "region", "eu")))
                .when(updateContext(TENANT, Map.of("mood", "calm")))
                .expectEvents(contextUpdated(Map.of("mood", "calm"),
                        Map.of("language", "en", "region", "eu", "mood", "calm")));
    }

    @Test
    void refusesToUpdateTheContextOfAClosedSession() {
        fixture.given(sessionCreated(Map.of()), sessionClosed())
                .when(updateContext(TENANT, Map.of("language", "de")))
                .expectException(ruleViolation(RuleViolationCode.SESSION_CLOSED))
                .expectNoEvents();
    }

    static Stream<Object> commandsOfAnotherTenant() {
        return Stream.of(
                updateContext(OTHER_TENANT, Map.of("language", "de")),
                closeSession(OTHER_TENANT));
    }

    @ParameterizedTest
    @MethodSource("commandsOfAnotherTenant")
    void refusesAnotherTenantsCommandAsIfTheSessionDidNotExist(Object command) {
        fixture.given(sessionCreated(Map.of()), executionAttached(EXECUTION_ID))
                .when(command)
                .expectException(ruleViolation(RuleViolationCode.SESSION_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void closesAnOpenSession() {
        fixture.given(sessionCreated(Map.of()))
                .when(closeSession(TENANT))
                .expectEvents(sessionClosed());
    }

    @Test
    void closingAClosedSessionAgainChangesNothing() {
        fixture.given(sessionCreated(Map.of()), sessionClosed())
                .when(closeSession(TENANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void admitsIntentsOnlyFromItsTenantWhileOpen() {
        fixture.given(sessionCreated(Map.of()))
                .when(updateContext(TENANT, Map.of("language", "de")))
                .expectState(session -> {
                    assertThat(session.admit(TENANT)).isEqualTo(SessionAdmission.OPEN);
                    assertThat(session.admit(OTHER_TENANT)).isEqualTo(SessionAdmission.NOT_FOUND);
                });
    }

    @Test
    void admitsNoIntentOnceClosed() {
        fixture.given(sessionCreated(Map.of()))
                .when(closeSession(TENANT))
                .expectState(session -> assertThat(session.admit(TENANT)).isEqualTo(SessionAdmission.CLOSED));
    }

    /** Streams recorded before executions ended by their own events still load: those events change nothing. */
    @Test
    void aStreamWithExecutionsAttachedAndDetachedAsEarlierSessionsRecordedThemStillLoads() {
        fixture.given(sessionCreated(Map.of()), executionAttached(EXECUTION_ID), executionAttached(OTHER_EXECUTION_ID),
                        executionDetached(EXECUTION_ID))
                .when(closeSession(TENANT))
                .expectEvents(sessionClosed());
    }
}
