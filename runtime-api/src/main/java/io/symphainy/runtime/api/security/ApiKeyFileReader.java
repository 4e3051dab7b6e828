package io.symphainy.runtime.api.security;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Parses an API keys file: a YAML or JSON list of {@code {key, tenant_id, user_id, roles}} entries. The format
 * follows the file extension ({@code .json}, {@code .yaml}, {@code .yml}) or, without one, the first character.
 * Unknown fields are rejected so that a misspelt {@code tenant_id} fails start-up instead of being ignored.
 */
final class ApiKeyFileReader {

    private static final TypeReference<List<ApiKeyFileEntry>> ENTRIES = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private ApiKeyFileReader() {
    }

    /**
     * @param name    file name or description, used for format detection and messages
     * @param content the raw file content
     * @throws IllegalStateException when the content is not a list of well-formed entries
     */
    static List<ApiKeyFileEntry> read(String name, byte[] content) {
        try {
            List<ApiKeyFileEntry> entries = mapperFor(name, content).readValue(content, ENTRIES);
            if (entries == null || entries.isEmpty()) {
                throw new IllegalStateException("API keys file " + name + " lists no keys");
            }
            return entries;
        } catch (JsonProcessingException malformed) {
            throw describe(name, malformed);
        } catch (IOException unreadable) {
            throw new IllegalStateException("API keys file " + name + " cannot be read", unreadable);
        }
    }

    private static IllegalStateException describe(String name, JsonProcessingException malformed) {
        // Parser messages quote the offending text, which may be a key, so syntax errors report only a position;
        // Jackson wraps syntax errors inside the list in a mapping exception, hence the search down the causes.
        for (Throwable cause = malformed; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException syntax) {
                return new IllegalStateException("API keys file " + name + " is not valid JSON or YAML"
                        + location(syntax));
            }
        }
        if (malformed instanceof JsonMappingException wrongShape) {
            return new IllegalStateException("API keys file " + name + " is not a list of {key, tenant_id, user_id,"
                    + " roles} entries" + entryOf(wrongShape) + ": " + wrongShape.getOriginalMessage(), wrongShape);
        }
        return new IllegalStateException("API keys file " + name + " is not valid JSON or YAML" + location(malformed));
    }

    private static ObjectMapper mapperFor(String name, byte[] content) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        if (lowerName.endsWith(".json")) {
            return JSON;
        }
        if (lowerName.endsWith(".yaml") || lowerName.endsWith(".yml")) {
            return YAML;
        }
        String text = new String(content, StandardCharsets.UTF_8).strip();
        return text.startsWith("[") || text.startsWith("{") ? JSON : YAML;
    }

    private static String entryOf(JsonMappingException exception) {
        return exception.getPath().isEmpty() || exception.getPath().get(0).getIndex() < 0 ? ""
                : " (entry at index " + exception.getPath().get(0).getIndex() + ")";
    }

    private static String location(JsonProcessingException exception) {
        return exception.getLocation() == null ? ""
                : " (line " + exception.getLocation().getLineNr() + ", column "
                        + exception.getLocation().getColumnNr() + ")";
    }
}
