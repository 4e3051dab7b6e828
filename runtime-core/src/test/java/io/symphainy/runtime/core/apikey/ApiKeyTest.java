package io.symphainy.runtime.core.apikey;

import io.symphainy.runtime.core.apikey.messages.ApiKeyId;
import io.symphainy.runtime.core.apikey.messages.ApiKeyIssuedEvent;
import io.symphainy.runtime.core.apikey.messages.ApiKeyRevokedEvent;
import io.symphainy.runtime.core.apikey.messages.IssueApiKeyCommand;
import io.symphainy.runtime.core.apikey.messages.RevokeApiKeyCommand;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issued API keys: only hashes are recorded, revocation is idempotent, other tenants see nothing.
 */
class ApiKeyTest {

    private static final String HASH = "a".repeat(64);
    private final ApiKeyId keyId = ApiKeyId.random();
    private final TenantId tenant = new TenantId("tenant-a");
    private final UserId user = new UserId("ada");
    private AggregateTestFixture<ApiKey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiKey.class);
    }

    @Test
    void issuesAKeyRecordingOnlyItsHash() {
        fixture.givenNoPriorActivity()
                .when(new IssueApiKeyCommand(keyId, tenant, user, List.of("submitter"), "ci", HASH))
                .expectEvents(new ApiKeyIssuedEvent(keyId, tenant, user, List.of("submitter"), "ci", HASH));
    }

    @Test
    void refusesToRecordSomethingThatIsNotAHash() {
        fixture.givenNoPriorActivity()
                .when(new IssueApiKeyCommand(keyId, tenant, user, List.of("submitter"), "ci", "symk_plaintext"))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void refusesAKeyWithoutRoles() {
        fixture.givenNoPriorActivity()
                .when(new IssueApiKeyCommand(keyId, tenant, user, List.of(), "ci", HASH))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void revokesOnce() {
        fixture.given(new ApiKeyIssuedEvent(keyId, tenant, user, List.of("submitter"), "ci", HASH),
                        new ApiKeyRevokedEvent(keyId, tenant))
                .when(new RevokeApiKeyCommand(keyId, tenant))
                .expectNoEvents();
    }

    @Test
    void answersAnotherTenantAsIfTheKeyDidNotExist() {
        fixture.given(new ApiKeyIssuedEvent(keyId, tenant, user, List.of("submitter"), "ci", HASH))
                .when(new RevokeApiKeyCommand(keyId, new TenantId("tenant-b")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(keyId.toString()));
    }
}
