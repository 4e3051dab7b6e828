package io.symphainy.runtime.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One operation of the served OpenAPI document as the fuzz test reads it: method, path template, parameters and
 * the schema and media types of its request body, with every {@code $ref} resolved against the document.
 */
record ApiOperation(String method, String path, List<JsonNode> pathParameters, List<JsonNode> queryParameters,
                    JsonNode bodySchema, Set<String> bodyMediaTypes, boolean bodyRequired) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Every operation of the document, in the document's order. */
    static List<ApiOperation> all(JsonNode docs) {
        List<ApiOperation> operations = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(of(docs, entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue()));
            }
        }));
        return operations;
    }

    private static ApiOperation of(JsonNode docs, String method, String path, JsonNode operation) {
        List<JsonNode> pathParameters = new ArrayList<>();
        List<JsonNode> queryParameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(docs, parameter);
            switch (resolved.path("in").asText()) {
                case "path" -> pathParameters.add(resolved);
                case "query" -> queryParameters.add(resolved);
                default -> { }
            }
        }
        JsonNode body = resolve(docs, operation.path("requestBody"));
        Set<String> mediaTypes = new TreeSet<>();
        body.path("content").fieldNames().forEachRemaining(mediaTypes::add);
        JsonNode schema = mediaTypes.isEmpty() ? null
                : resolve(docs, body.path("content").path(mediaTypes.iterator().next()).path("schema"));
        return new ApiOperation(method, path, pathParameters, queryParameters, schema, mediaTypes,
                body.path("required").asBoolean(false));
    }

    /** The node a {@code $ref} points to (followed until there is none), or the node itself. */
    static JsonNode resolve(JsonNode docs, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            current = docs.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    boolean hasBody() {
        return !bodyMediaTypes.isEmpty();
    }

    boolean readsJson() {
        return bodyMediaTypes.stream().anyMatch(type -> type.contains("json"));
    }

    boolean isRead() {
        return method.equals("GET");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
