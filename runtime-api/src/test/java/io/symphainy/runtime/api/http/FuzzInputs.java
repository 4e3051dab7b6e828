package io.symphainy.runtime.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of hostile request parts: path ids of every shape (traversal, NUL, very long, SQL and JSON
 * injection, random Unicode, ids of the wrong form), query values outside what the document allows, and the text of
 * a query value or path segment as it goes on the wire.
 */
final class FuzzInputs {

    /** Segments that are put on the wire as they are: already percent-encoded or meant to be read raw. */
    private static final List<String> RAW_SEGMENTS = List.of("..", "../..", "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fetc", "..;", "x;jsessionid=1", "%252e%252e%252f", "....%2F%2F", "..%5C..%5Cwin.ini",
            "%00", "a%00b", "%C0%AE%C0%AE%2F", "%FF%FE", "%", "%zz", "%E2%80%AE", "", "%20", "+", ".", "~");
    /** Injection strings, percent-encoded on the wire. */
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE domain_event_entry; --",
            "\" OR 1=1 --", "1' UNION SELECT key_hash FROM api_key --", "{\"$ne\":null}",
            "\",\"tenant_id\":\"tenant-a", "[]", "null", "true", "-1", "0", "9223372036854775808", "1e309", "NaN",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "\u0000", "\r\nX-Injected: 1", "\uFEFF",
            "tenant-a/../tenant-b", "\u202Eevil", "😀", "ＡＢＣ");

    private FuzzInputs() {
    }

    /** Hostile text for a path variable, as it goes on the wire. */
    static Arbitrary<String> pathSegment() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(RAW_SEGMENTS)),
                Tuple.of(3, hostileText().map(FuzzInputs::encode)),
                Tuple.of(2, uuidLike().map(FuzzInputs::encode)));
    }

    /** Text no field or id of the runtime accepts as valid, decoded. */
    static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(Arbitraries.of(INJECTIONS),
                Arbitraries.strings().alpha().numeric().ofMinLength(1000).ofMaxLength(3000),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8));
    }

    /** Ids that look like the runtime's but name nothing: random UUIDs and UUIDs bent out of shape. */
    static Arbitrary<String> uuidLike() {
        Arbitrary<UUID> uuids = Arbitraries.longs().tuple2().map(pair -> new UUID(pair.get1(), pair.get2()));
        return Arbitraries.oneOf(uuids.map(UUID::toString), uuids.map(id -> id.toString().toUpperCase()),
                uuids.map(id -> "{" + id + "}"), uuids.map(id -> id + "x"), uuids.map(id -> id.toString()
                        .replace("-", "")), uuids.map(id -> id.toString().substring(0, 35)));
    }

    /** A query value, as it goes on the wire, that the parameter's schema does not allow or that names nothing. */
    static Arbitrary<String> queryValue(JsonNode schema) {
        List<Arbitrary<String>> choices = new ArrayList<>();
        choices.add(hostileText().map(FuzzInputs::encode));
        choices.add(Arbitraries.of("", "%", "%zz", "%C0%AE", "%00", "a%00b", "%FF"));
        String type = schema.path("type").asText();
        if (type.equals("integer") || type.equals("number")) {
            long minimum = schema.path("minimum").asLong(Long.MIN_VALUE + 1);
            long maximum = schema.path("maximum").asLong(Long.MAX_VALUE - 1);
            choices.add(Arbitraries.of(String.valueOf(minimum - 1), String.valueOf(maximum + 1), "-1", "0",
                    "99999999999999999999999", "1.5", "1e3", "0x10", "abc", "-0", "+5", " 1"));
            if (schema.has("minimum")) {
                choices.add(Arbitraries.longs().lessOrEqual(minimum - 1).map(String::valueOf));
            }
            if (schema.has("maximum")) {
                choices.add(Arbitraries.longs().greaterOrEqual(maximum + 1).map(String::valueOf));
            }
        }
        if (schema.has("enum") || type.equals("boolean")) {
            choices.add(Arbitraries.of("NOT_A_VALUE", "maybe", "2", "*", "all"));
        }
        if (schema.path("format").asText().startsWith("date")) {
            choices.add(Arbitraries.of("2026-13-45T99:99:99Z", "yesterday", "-1", "+999999999-01-01T00:00:00Z",
                    "2026-02-30", "1970-01-01T00:00:00", "2026-12-06T10:00:00+25:00"));
        }
        return Arbitraries.oneOf(choices);
    }

    /** Percent-encodes every byte of the UTF-8 text except unreserved characters. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
