package io.symphainy.runtime.core.timeline.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The canonical encoding and link rule of the audit chain, checked against a vector computed independently with
 * Python ({@code json.dumps(e, sort_keys=True, separators=(',', ':'), ensure_ascii=False)} and {@code hashlib}).
 */
class AuditChainRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CANONICAL = "{\"aggregate_identifier\":\"a1\",\"aggregate_type\":\"Execution\","
            + "\"event_identifier\":\"e1\",\"metadata\":{\"tenantId\":\"t\"},"
            + "\"payload\":{\"a\":{\"c\":null,\"d\":[{\"y\":\"é\",\"z\":1}]},\"b\":1},\"payload_type\":\"x.Y\","
            + "\"sequence_number\":3,\"timestamp\":\"2026-01-31T12:00:00.123Z\"}";
    private static final String FIRST_LINK = "1a63cd574ce48ec6c9fbe816b0cab4b6831a3e78e8e90e505897bf7c305e3176";

    @Test
    void theCanonicalEncodingSortsKeysAtEveryDepthWithoutWhitespace() throws Exception {
        assertThat(AuditChainRules.canonical(event("{\"b\":1,\"a\":{\"d\":[{\"z\":1,\"y\":\"é\"}],\"c\":null}}")))
                .isEqualTo(CANONICAL);
    }

    @Test
    void theEncodingDoesNotDependOnKeyOrderOrWhitespace() throws Exception {
        String one = AuditChainRules.canonical(event("{\"b\":1,\"a\":{\"d\":[{\"z\":1,\"y\":\"é\"}],\"c\":null}}"));
        String two = AuditChainRules.canonical(event("{ \"a\" : {\"c\":null, \"d\":[{\"y\":\"é\",\"z\":1}]}, \"b\":1 }"));
        assertThat(one).isEqualTo(two);
    }

    @Test
    void arrayOrderMatters() throws Exception {
        assertThat(AuditChainRules.canonical(event("{\"l\":[1,2]}")))
                .isNotEqualTo(AuditChainRules.canonical(event("{\"l\":[2,1]}")));
    }

    @Test
    void theFirstLinkHashesSixtyFourZerosANewlineAndTheCanonicalBytes() {
        assertThat(AuditChainRules.GENESIS).hasSize(64).matches("0+");
        assertThat(AuditChainRules.link(AuditChainRules.GENESIS, CANONICAL)).isEqualTo(FIRST_LINK);
    }

    @Test
    void aLinkDependsOnThePreviousLinkAndEveryByte() {
        String next = AuditChainRules.link(FIRST_LINK, CANONICAL);
        assertThat(next).hasSize(64).isNotEqualTo(FIRST_LINK);
        assertThat(AuditChainRules.link(FIRST_LINK, CANONICAL.replace("\"b\":1", "\"b\":2"))).isNotEqualTo(next);
        assertThat(AuditChainRules.link(FIRST_LINK, CANONICAL)).isEqualTo(next);
    }

    private static ChainedEvent event(String payload) throws Exception {
        JsonNode tree = JSON.readTree(payload);
        return new ChainedEvent("e1", "Execution", "a1", 3L, "x.Y", "2026-01-31T12:00:00.123Z", tree,
                JSON.readTree("{\"tenantId\":\"t\"}"));
    }
}
