package io.symphainy.runtime.realm.content;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.realm.content.config.ContentProperties;
import io.symphainy.runtime.realm.content.embed.EmbedSteps;
import io.symphainy.runtime.realm.content.parse.ParseSteps;
import io.symphainy.runtime.realm.content.search.SearchStep;
import io.symphainy.runtime.realm.content.upload.UploadSteps;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The content realm's capabilities: upload, parse, embed, the three in one saga, and semantic search. Storage steps
 * are compensatable; every failure code of the realm is permanent, anything else (a database hiccup) is retried.
 */
@Configuration(proxyBeanMethods = false)
public class ContentCapabilities {

    /** The realm's name. */
    public static final String REALM = "content";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    /** Upload sources; {@code %d} is the longest inline base64 text, from {@code runtime.content.inline-max-bytes}. */
    private static final String UPLOAD_PROPERTIES = """
                "content_base64": {"type": "string", "minLength": 1, "maxLength": %d},
                "filename": {"type": "string", "minLength": 1, "maxLength": 1024},
                "file_path": {"type": "string", "minLength": 1, "maxLength": 4096},
                "staging_id": {"type": "string", "format": "uuid"},
                "staged_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "size_bytes": {"type": "integer", "minimum": 0},
                "media_type": {"type": "string", "maxLength": 255}""";
    /** Exactly one source: inline bytes, an import-directory path, or bytes staged by {@code POST /content/upload}. */
    private static final String ONE_SOURCE = """
              "oneOf": [
                {"required": ["content_base64", "filename"],
                 "not": {"anyOf": [{"required": ["file_path"]}, {"required": ["staging_id"]}]}},
                {"required": ["file_path"],
                 "not": {"anyOf": [{"required": ["content_base64"]}, {"required": ["staging_id"]}]}},
                {"required": ["staging_id", "staged_sha256", "filename"],
                 "not": {"anyOf": [{"required": ["content_base64"]}, {"required": ["file_path"]}]}}
              ],""";
    /** Test-only knob: honoured only when {@code runtime.content.test-knobs-enabled} is true. */
    private static final String TEST_KNOB = "    \"fail_embedding\": {\"type\": \"boolean\"}";

    @Bean
    CapabilityDefinition contentUpload(UploadSteps upload, ContentProperties properties) {
        return capability("content.upload", schema(uploadProperties(properties), ONE_SOURCE),
                "reference content.upload names the stored upload; facts give its size and SHA-256",
                RiskLevel.MEDIUM, true, List.of(uploadStep(upload)));
    }

    @Bean
    CapabilityDefinition contentParse(ParseSteps parse) {
        return capability("content.parse",
                schema("\"upload_ref\": {\"type\": \"string\", \"minLength\": 1}", "\"required\": [\"upload_ref\"],"),
                "reference content.document names the parsed text; facts: media type, language, counts, title, author",
                RiskLevel.LOW, true, List.of(parseStep(parse)));
    }

    @Bean
    CapabilityDefinition contentEmbed(EmbedSteps embed) {
        return capability("content.embed",
                schema("\"document_ref\": {\"type\": \"string\", \"minLength\": 1},\n" + TEST_KNOB,
                        "\"required\": [\"document_ref\"],"),
                "references content.chunks and content.embeddings name the chunk set and its vectors",
                RiskLevel.LOW, true, List.of(embedStep(embed)));
    }

    @Bean
    CapabilityDefinition contentParseAndEmbed(UploadSteps upload, ParseSteps parse, EmbedSteps embed,
                                              ContentProperties properties) {
        return capability("content.parse_and_embed",
                schema(uploadProperties(properties) + ",\n" + TEST_KNOB, ONE_SOURCE),
                "references content.upload, content.document, content.chunks and content.embeddings",
                RiskLevel.MEDIUM, true, List.of(uploadStep(upload), parseStep(parse), embedStep(embed)));
    }

    @Bean
    CapabilityDefinition contentSearch(SearchStep search) {
        return capability("content.search", schema("""
                    "query": {"type": "string", "minLength": 1, "maxLength": 2000},
                    "session_id": {"type": "string", "format": "uuid"},
                    "top_k": {"type": "integer", "minimum": 1, "maximum": 50},
                    "hydrate": {"type": "boolean"}""", "\"required\": [\"query\"],"),
                "facts.results: the best chunks with chunk_set_ref, document_ref, score, snippet (text when hydrate)",
                RiskLevel.MEDIUM, false,
                List.of(StepDefinition.of("search", SideEffectClass.PURE, search::search).withTimeout(STEP_TIMEOUT)));
    }

    /** The upload properties, inline base64 limited to the text that encodes {@code inline-max-bytes}. */
    private static String uploadProperties(ContentProperties properties) {
        long base64Chars = (properties.inlineMaxBytes().toBytes() + 2) / 3 * 4;
        return UPLOAD_PROPERTIES.formatted(base64Chars);
    }

    private static StepDefinition uploadStep(UploadSteps upload) {
        return StepDefinition.of("upload", SideEffectClass.COMPENSATABLE, upload::upload)
                .compensatedBy(upload::compensate).withTimeout(STEP_TIMEOUT);
    }

    private static StepDefinition parseStep(ParseSteps parse) {
        return StepDefinition.of("parse", SideEffectClass.COMPENSATABLE, parse::parse)
                .compensatedBy(parse::compensate).withTimeout(STEP_TIMEOUT);
    }

    private static StepDefinition embedStep(EmbedSteps embed) {
        return StepDefinition.of("embed", SideEffectClass.COMPENSATABLE, embed::embed)
                .compensatedBy(embed::compensate).withTimeout(STEP_TIMEOUT);
    }

    private static CapabilityDefinition capability(String name, String schema, String output, RiskLevel risk,
                                                   boolean deterministic, List<StepDefinition> steps) {
        return new CapabilityDefinition(name, REALM, Set.of(name), schema, output, risk, deterministic, steps,
                RetryPolicy.exponential(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2))
                        .neverRetrying(ContentFailureCodes.ALL.toArray(String[]::new)));
    }

    private static String schema(String properties, String constraints) {
        return "{\n  \"type\": \"object\",\n  " + constraints + "\n  \"properties\": {\n" + properties
                + "\n  },\n  \"additionalProperties\": false\n}";
    }
}
