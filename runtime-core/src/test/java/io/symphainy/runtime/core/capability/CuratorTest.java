package io.symphainy.runtime.core.capability;

import static io.symphainy.runtime.core.TestData.CAPABILITY;
import static io.symphainy.runtime.core.TestData.INPUT_SCHEMA;
import static io.symphainy.runtime.core.TestData.INTENT_TYPE;
import static io.symphainy.runtime.core.TestData.REALM;
import static io.symphainy.runtime.core.TestData.SAGA_PROPERTIES;
import static io.symphainy.runtime.core.TestData.capability;
import static io.symphainy.runtime.core.TestData.plan;
import static io.symphainy.runtime.core.TestData.step;
import static io.symphainy.runtime.core.TestData.steps;
import static io.symphainy.runtime.core.TestData.validPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CuratorTest {

    private static final String OTHER_CAPABILITY = "orders.refund-order";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void registersValidCapabilitiesAndFindsThemByNameAndIntentType() {
        CapabilityDefinition placing = capability();
        CapabilityDefinition refunding = capability(OTHER_CAPABILITY, REALM,
                Set.of("orders.refund", "orders.refund-partially"), "{}", steps());

        Curator curator = new Curator(List.of(placing, refunding), SAGA_PROPERTIES);

        assertThat(curator.named(CAPABILITY)).get().extracting(RegisteredCapability::definition).isSameAs(placing);
        assertThat(curator.forIntentType(INTENT_TYPE)).get().extracting(RegisteredCapability::name)
                .isEqualTo(CAPABILITY);
        assertThat(curator.forIntentType("orders.refund")).get().extracting(RegisteredCapability::name)
                .isEqualTo(OTHER_CAPABILITY);
        assertThat(curator.forIntentType("orders.refund-partially")).get().extracting(RegisteredCapability::name)
                .isEqualTo(OTHER_CAPABILITY);
        assertThat(curator.all()).extracting(RegisteredCapability::name).containsExactly(CAPABILITY, OTHER_CAPABILITY);
    }

    @Test
    void findsNothingForAnUnknownNameOrIntentType() {
        Curator curator = new Curator(List.of(capability()), SAGA_PROPERTIES);

        assertThat(curator.named("orders.unknown")).isEmpty();
        assertThat(curator.forIntentType("orders.unknown")).isEmpty();
        assertThat(curator.forIntentType(CAPABILITY)).as("a capability name is no intent type").isEmpty();
    }

    @Test
    void plansTheStepsWithTheDefaultTimeoutWhereAStepNamesNone() {
        Curator curator = new Curator(List.of(capability()), SAGA_PROPERTIES);

        assertThat(curator.named(CAPABILITY)).get().extracting(RegisteredCapability::plan).isEqualTo(plan());
    }

    @Test
    void refusesACapabilityNameRegisteredTwice() {
        CapabilityDefinition again = capability(CAPABILITY, REALM, Set.of("orders.place-again"), "{}", steps());

        assertThatThrownBy(() -> new Curator(List.of(capability(), again), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "'");
    }

    @Test
    void refusesAnIntentTypeClaimedByTwoCapabilities() {
        CapabilityDefinition claimant = capability(OTHER_CAPABILITY, REALM, Set.of(INTENT_TYPE), "{}", steps());

        assertThatThrownBy(() -> new Curator(List.of(capability(), claimant), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + OTHER_CAPABILITY + "'")
                .hasMessageContaining("'" + CAPABILITY + "'")
                .hasMessageContaining("'" + INTENT_TYPE + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"billing.place", "ordersplace", "orders", "orders.", "ordersx.place", "Orders.place"})
    void refusesAnIntentTypeNotPrefixedByItsRealm(String intentType) {
        CapabilityDefinition stray = capability(CAPABILITY, REALM, Set.of(intentType), INPUT_SCHEMA, steps());

        assertThatThrownBy(() -> new Curator(List.of(stray), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "'")
                .hasMessageContaining("'" + intentType + "'");
    }

    @Test
    void refusesACapabilityWithoutSteps() {
        CapabilityDefinition empty = capability(CAPABILITY, REALM, Set.of(INTENT_TYPE), INPUT_SCHEMA, List.of());

        assertThatThrownBy(() -> new Curator(List.of(empty), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "'");
    }

    @Test
    void refusesACapabilityWithoutIntentTypes() {
        CapabilityDefinition deaf = capability(CAPABILITY, REALM, Set.of(), INPUT_SCHEMA, steps());

        assertThatThrownBy(() -> new Curator(List.of(deaf), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "'");
    }

    @Test
    void refusesTwoStepsWithTheSameName() {
        CapabilityDefinition twice = capability(CAPABILITY, REALM, Set.of(INTENT_TYPE), INPUT_SCHEMA, List.of(
                step("reserve", SideEffectClass.IDEMPOTENT), step("reserve", SideEffectClass.PURE)));

        assertThatThrownBy(() -> new Curator(List.of(twice), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "'")
                .hasMessageContaining("'reserve'");
    }

    @ParameterizedTest(name = "{0} ms")
    @ValueSource(longs = {0, -1})
    void refusesAStepTimeoutThatIsNotPositive(long millis) {
        CapabilityDefinition hasty = capability(CAPABILITY, REALM, Set.of(INTENT_TYPE), INPUT_SCHEMA, List.of(
                step("reserve", SideEffectClass.IDEMPOTENT).withTimeout(Duration.ofMillis(millis))));

        assertThatThrownBy(() -> new Curator(List.of(hasty), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "'");
    }

    @ParameterizedTest(name = "schema text <{0}>")
    @ValueSource(strings = {"{\"type\": \"object\",", "not json at all", "", "   "})
    void refusesAnInputSchemaThatIsNotJson(String schema) {
        CapabilityDefinition garbled = capability(CAPABILITY, REALM, Set.of(INTENT_TYPE), schema, steps());

        assertThatThrownBy(() -> new Curator(List.of(garbled), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$ref\": \"#/nowhere\"}", "{\"type\": 12}", "[]", "42"})
    void refusesAnInputSchemaThatIsNotValidJsonSchema(String schema) {
        CapabilityDefinition broken = capability(CAPABILITY, REALM, Set.of(INTENT_TYPE), schema, steps());

        assertThatThrownBy(() -> new Curator(List.of(broken), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "'");
    }

    @Test
    void refusesAnInputSchemaWithAKeywordOfTheWrongType() {
        CapabilityDefinition misspelt = capability(CAPABILITY, REALM, Set.of(INTENT_TYPE),
                "{\"type\": \"integer\", \"minimum\": \"one\"}", steps());

        assertThatThrownBy(() -> new Curator(List.of(misspelt), SAGA_PROPERTIES))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'" + CAPABILITY + "'");
    }

    @Test
    void reportsNoViolationsForAPayloadThatSatisfiesTheInputSchema() {
        RegisteredCapability registered = new Curator(List.of(capability()), SAGA_PROPERTIES)
                .named(CAPABILITY).orElseThrow();

        assertThat(registered.violationsOf(JSON.valueToTree(validPayload()))).isEmpty();
    }

    @Test
    void reportsEveryViolationOfTheInputSchema() {
        RegisteredCapability registered = new Curator(List.of(capability()), SAGA_PROPERTIES)
                .named(CAPABILITY).orElseThrow();
        JsonNode payload = JSON.valueToTree(Map.of("quantity", 0, "colour", "red"));

        assertThat(registered.violationsOf(payload))
                .hasSize(3)
                .anySatisfy(violation -> assertThat(violation).contains("item"))
                .anySatisfy(violation -> assertThat(violation).contains("quantity"))
                .anySatisfy(violation -> assertThat(violation).contains("colour"))
                .isSorted();
    }
}
