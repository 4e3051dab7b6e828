package io.symphainy.runtime.core.capability;

import static io.symphainy.runtime.core.TestData.CAPABILITY;
import static io.symphainy.runtime.core.TestData.INTENT_TYPE;
import static io.symphainy.runtime.core.TestData.REALM;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.capability;
import static io.symphainy.runtime.core.TestData.step;
import static io.symphainy.runtime.core.TestData.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several versions of one capability side by side: found by name and version, the newest by default, each with its
 * own plan; versions compare by their numbers, not their text.
 */
class CuratorVersionsTest {

    @Test
    void aCapabilityThatDeclaresNoVersionIsVersionOne() {
        Curator curator = new Curator(List.of(capability()), SAGA_PROPERTIES);

        assertThat(curator.named(CAPABILITY)).get().extracting(RegisteredCapability::version).isEqualTo("1");
        assertThat(curator.named(CAPABILITY, null)).as("events from before versions ran version 1").isPresent();
    }

    @Test
    void registersVersionsSideBySideAndGivesTheNewestByDefault() {
        CapabilityDefinition first = capability();
        CapabilityDefinition second = first.withVersion("2", List.of(step("reserve", SideEffectClass.IDEMPOTENT)));

        Curator curator = new Curator(List.of(second, first), SAGA_PROPERTIES);

        assertThat(curator.named(CAPABILITY)).get().extracting(RegisteredCapability::version).isEqualTo("2");
        assertThat(curator.forIntentType(INTENT_TYPE)).get().extracting(RegisteredCapability::version).isEqualTo("2");
        assertThat(curator.named(CAPABILITY, "1")).get().extracting(RegisteredCapability::definition)
                .isSameAs(first);
        assertThat(curator.forIntentType(INTENT_TYPE, "1")).get().extracting(c -> c.plan().size()).isEqualTo(3);
        assertThat(curator.forIntentType(INTENT_TYPE, "2")).get().extracting(c -> c.plan().size()).isEqualTo(1);
        assertThat(curator.named(CAPABILITY, "3")).isEmpty();
        assertThat(curator.versionsOf(CAPABILITY)).extracting(RegisteredCapability::version).containsExactly("2", "1");
        assertThat(curator.all()).extracting(RegisteredCapability::label).containsExactly(CAPABILITY + " v2");
    }

    @Test
    void ordersVersionsByTheirNumbers() {
        CapabilityDefinition base = capability();
        List<CapabilityDefinition> versions = List.of("10", "1.1", "2", "1", "1.10", "1.2").stream()
                .map(version -> base.withVersion(version, steps())).toList();

        Curator curator = new Curator(versions, SAGA_PROPERTIES);

        assertThat(curator.versionsOf(CAPABILITY)).extracting(RegisteredCapability::version)
                .containsExactly("10", "2", "1.10", "1.2", "1.1", "1");
        assertThat(curator.named(CAPABILITY)).get().extracting(RegisteredCapability::version).isEqualTo("10");
    }

    @Test
    void refusesOneVersionRegisteredTwice() {
        CapabilityDefinition again = capability().withVersion("1.0", steps());

        assertThatThrownBy(() -> new Curator(List.of(capability(), again), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "' version 1.0 is registered twice");
    }

    @Test
    void refusesAnIntentTypeSharedWithAnotherCapabilityEvenInAnotherVersion() {
        CapabilityDefinition claimant = capability("orders.other", REALM, Set.of(INTENT_TYPE), "{}", steps())
                .withVersion("2", steps());

        assertThatThrownBy(() -> new Curator(List.of(capability(), claimant), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("already handled by capability '" + CAPABILITY + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1", "1.", ".1", "1..2", "1.2.3.4.5", "-1", "1 ", "1234567890"})
    void refusesAMalformedVersion(String version) {
        CapabilityDefinition malformed = capability().withVersion(version, steps());

        assertThatThrownBy(() -> new Curator(List.of(malformed), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("has version '" + version + "'");
    }
}
