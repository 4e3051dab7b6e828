package io.symphainy.runtime.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik generators of JSON values: any value, a value of a type the schema rules out (one Jackson will not coerce),
 * and byte sequences that are not UTF-8.
 */
final class FuzzJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Overlong forms, lone continuation bytes, UTF-16 surrogates, bytes beyond U+10FFFF, cut sequences. */
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xFE, (byte) 0xFE});

    private FuzzJson() {
    }

    /** Any JSON value, scalars and small nested containers. */
    static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(50).map(NODES::textNode),
                FuzzInputs.hostileText().map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(items -> NODES.arrayNode().addAll(items)),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(8), inner).ofMaxSize(4)
                        .map(fields -> NODES.objectNode().setAll(fields))), 0, 3);
    }

    /** A value the schema's type rules out and Jackson will not coerce into it (no null: a null may mean absent). */
    static Arbitrary<JsonNode> wrongTypeFor(JsonNode schema) {
        List<Arbitrary<JsonNode>> choices = new ArrayList<>();
        choices.add(Arbitraries.just(NODES.objectNode().put("x", 1)));
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        if (!type.equals("array")) {
            choices.add(Arbitraries.just(NODES.arrayNode().add(1).add("x")));
        }
        switch (type) {
            case "integer" -> choices.add(Arbitraries.of(NODES.textNode("abc"),
                    NODES.numberNode(new BigInteger("99999999999999999999999999")), NODES.textNode("1e400")));
            case "boolean" -> choices.add(Arbitraries.of(NODES.textNode("maybe"), NODES.textNode("yes please")));
            case "object", "array" -> choices.add(Arbitraries.oneOf(
                    Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(NODES::textNode),
                    Arbitraries.longs().map(NODES::numberNode), Arbitraries.just(NODES.booleanNode(true))));
            case "string" -> {
                if (schema.has("enum") || schema.path("format").asText().equals("uuid")) {
                    choices.add(FuzzInputs.hostileText().map(NODES::textNode));
                }
            }
            default -> { }
        }
        if (type.equals("object")) {
            choices.remove(0);
        }
        return Arbitraries.oneOf(choices);
    }

    /** A sequence of bytes that is not UTF-8, with valid text around it. */
    static Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of(INVALID_UTF8).flatMap(invalid -> Arbitraries.strings().alpha().ofMaxLength(6)
                .map(prefix -> concat(prefix.getBytes(StandardCharsets.UTF_8), invalid)));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
