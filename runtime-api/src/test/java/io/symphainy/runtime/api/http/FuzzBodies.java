package io.symphainy.runtime.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik generators of request bodies built from an operation's schema in the served OpenAPI document, each with
 * exactly one defect that makes it invalid: so a write that answers 2xx is a finding, and the no-write check needs
 * no exceptions.
 */
final class FuzzBodies {

    /** What makes a generated body invalid. */
    enum Defect {
        UNKNOWN_FIELD, WRONG_TYPE, MISSING_REQUIRED, WRONG_ROOT, TRUNCATED, TRAILING_GARBAGE, LENIENT_SYNTAX,
        TOO_DEEP, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, COMPRESSED, INVALID_UTF8, EMPTY, BROKEN_MULTIPART, MALFORMED_FIELDS
    }

    /** A body as sent: what is wrong with it, its media type, its bytes and the content coding it claims. */
    record Body(Defect defect, String contentType, byte[] bytes, String contentEncoding) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_MEDIA_TYPES = List.of("text/plain", "application/xml", "text/json",
            "application/x-www-form-urlencoded", "application/octet-stream", "multipart/form-data; boundary=x",
            "image/png", "application/javascript", "ü/ä", "application/", ";;;", "*/*", "application/json-seq");
    /** Past Jackson's default nesting limit of 1000, so the parser itself refuses the body. */
    private static final int MIN_TOO_DEEP = 1001;

    private FuzzBodies() {
    }

    /** Bodies with one defect each for an operation that reads a body. */
    static Arbitrary<Body> defective(JsonNode docs, ApiOperation operation) {
        if (!operation.readsJson()) {
            return Arbitraries.oneOf(FuzzMultipart.bodies(), oddMediaType(operation, "{\"file\":\"x\"}"));
        }
        ObjectNode schema = operation.bodySchema() instanceof ObjectNode object ? object : NODES.objectNode();
        JsonNode base = plausible(docs, schema, 0);
        List<Defect> defects = new ArrayList<>(List.of(Defect.WRONG_ROOT, Defect.TRUNCATED, Defect.LENIENT_SYNTAX,
                Defect.TOO_DEEP, Defect.TOO_LARGE, Defect.UNSUPPORTED_MEDIA_TYPE, Defect.COMPRESSED,
                Defect.INVALID_UTF8, Defect.TRAILING_GARBAGE));
        if (base.isObject() && !schema.path("properties").isEmpty()) {
            defects.add(Defect.UNKNOWN_FIELD);
        }
        if (!typedNames(docs, schema).isEmpty()) {
            defects.add(Defect.WRONG_TYPE);
        }
        if (!schema.path("required").isEmpty()) {
            defects.add(Defect.MISSING_REQUIRED);
        }
        if (operation.bodyRequired()) {
            defects.add(Defect.EMPTY);
        }
        return Arbitraries.of(defects).flatMap(defect -> withDefect(docs, operation, schema, base, defect));
    }

    private static Arbitrary<Body> withDefect(JsonNode docs, ApiOperation operation, JsonNode schema, JsonNode base,
                                              Defect defect) {
        String text = base.toString();
        return switch (defect) {
            case UNKNOWN_FIELD -> Arbitraries.oneOf(Arbitraries.of("__proto__", "tenant_id", "$where", "constructor"),
                            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(name -> "x_fuzz_" + name),
                            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12))
                    .filter(name -> !schema.path("properties").has(name))
                    .flatMap(name -> FuzzJson.values().map(value -> json(defect, ((ObjectNode) base.deepCopy())
                            .set(name, value))));
            case WRONG_TYPE -> Arbitraries.of(typedNames(docs, schema)).flatMap(name -> FuzzJson
                    .wrongTypeFor(ApiOperation.resolve(docs, schema.path("properties").path(name)))
                    .map(value -> json(defect, ((ObjectNode) base.deepCopy()).set(name, value))));
            case MISSING_REQUIRED -> Arbitraries.of(texts(schema.path("required")))
                    .map(name -> json(defect, ((ObjectNode) base.deepCopy()).without(name)));
            case WRONG_ROOT -> Arbitraries.of("[]", "[{}]", "42", "null", "true", "-1.5e3", "\"\"")
                    .map(root -> json(defect, root));
            case TRUNCATED -> Arbitraries.integers().between(0, text.length() - 1)
                    .map(cut -> json(defect, text.substring(0, cut)));
            case TRAILING_GARBAGE -> Arbitraries.of("}", "]", ",", " x", "{}", " /*", "\"", "[", " 1")
                    .map(tail -> json(defect, text + tail));
            case LENIENT_SYNTAX -> Arbitraries.of("// comment\n" + text, text.replace('"', '\''),
                            text.replaceAll("\"([a-z_]+)\":", "$1:"), "{\"a\":NaN}", "{\"a\":01}", "{,}", "{\"a\" 1}")
                    .map(lenient -> json(defect, lenient));
            case TOO_DEEP -> Arbitraries.integers().between(MIN_TOO_DEEP, 4000).map(depth -> json(defect,
                    deepen(base, schema, "[".repeat(depth) + "]".repeat(depth))));
            case TOO_LARGE -> Arbitraries.integers().between(70_000, 300_000).map(size -> json(defect,
                    deepen(base, schema, "\"" + "x".repeat(size) + "\"")));
            case UNSUPPORTED_MEDIA_TYPE -> oddMediaType(operation, text);
            case COMPRESSED -> Arbitraries.of("gzip", "deflate").map(coding -> new Body(defect, "application/json",
                    compress(text.getBytes(StandardCharsets.UTF_8), coding), coding));
            case INVALID_UTF8 -> FuzzJson.invalidUtf8().map(bytes -> new Body(defect, "application/json",
                    FuzzJson.concat("{\"".getBytes(StandardCharsets.UTF_8), bytes,
                            ("\":1" + (text.length() > 2 && base.isObject() ? "," + text.substring(1) : "}"))
                                    .getBytes(StandardCharsets.UTF_8)), null));
            case EMPTY -> Arbitraries.just(json(defect, ""));
            case BROKEN_MULTIPART, MALFORMED_FIELDS -> FuzzMultipart.bodies();
        };
    }

    private static Arbitrary<Body> oddMediaType(ApiOperation operation, String text) {
        return Arbitraries.of(ODD_MEDIA_TYPES)
                .filter(type -> operation.bodyMediaTypes().stream().noneMatch(accepted -> type.toLowerCase(Locale.ROOT)
                        .startsWith(accepted.toLowerCase(Locale.ROOT))))
                .map(type -> new Body(Defect.UNSUPPORTED_MEDIA_TYPE, type, text.getBytes(StandardCharsets.UTF_8),
                        null));
    }

    /** The body with the raw JSON value put in a free-form field, else in the first field, else as the root. */
    private static String deepen(JsonNode base, JsonNode schema, String rawValue) {
        if (!base.isObject() || base.isEmpty()) {
            return rawValue;
        }
        String target = names(base).get(0);
        for (String name : names(base)) {
            if (base.path(name).isObject()) {
                target = name;
            }
        }
        ObjectNode marked = ((ObjectNode) base.deepCopy()).put(target, "\u0001MARK\u0001");
        return marked.toString().replace("\"\\u0001MARK\\u0001\"", rawValue);
    }

    /** A plausible value for the schema: required and optional fields filled, enums and formats respected. */
    static JsonNode plausible(JsonNode docs, JsonNode schemaOrRef, int depth) {
        JsonNode schema = ApiOperation.resolve(docs, schemaOrRef);
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(),
                            plausible(docs, property.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(plausible(docs, schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer", "number" -> NODES.numberNode(schema.path("minimum").asLong(1));
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.textNode(switch (schema.path("format").asText()) {
                case "uuid" -> "00000000-0000-4000-8000-000000000000";
                case "date-time" -> "2026-01-01T00:00:00Z";
                case "uri", "url" -> "http://127.0.0.1:9/fuzz";
                default -> "fuzz";
            });
            default -> NODES.objectNode();
        };
    }

    private static Body json(Defect defect, Object body) {
        return new Body(defect, "application/json", body.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Properties whose schema names a type, so that a value of another type is certainly wrong. */
    private static List<String> typedNames(JsonNode docs, JsonNode schema) {
        return names(schema.path("properties")).stream().filter(name -> {
            JsonNode property = ApiOperation.resolve(docs, schema.path("properties").path(name));
            return property.has("type") || property.has("properties");
        }).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static byte[] compress(byte[] bytes, String coding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var compressing = coding.equals("gzip") ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            compressing.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
