package io.symphainy.runtime.realm.content;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Settings of the content realm, bound from {@code runtime.content.*}.
 *
 * @param maxBytes          largest content an upload may store
 * @param importDir         the only directory {@code file_path} uploads may read from ({@code RUNTIME_CONTENT_IMPORT_DIR});
 *                          unset disables path imports
 * @param chunkWords        words per chunk
 * @param chunkOverlapWords words each chunk shares with the one before it
 * @param testKnobsEnabled  honours the {@code fail_embedding} payload knob; for tests only, never in production
 */
@ConfigurationProperties(prefix = "runtime.content")
public record ContentProperties(
        @DefaultValue("20MB") @DataSizeUnit(DataUnit.BYTES) DataSize maxBytes,
        Path importDir,
        @DefaultValue("120") int chunkWords,
        @DefaultValue("30") int chunkOverlapWords,
        @DefaultValue("false") boolean testKnobsEnabled) {

    public ContentProperties {
        // RUNTIME_CONTENT_IMPORT_DIR arrives through a placeholder that is empty when unset: empty means disabled,
        // never "the working directory".
        importDir = importDir == null || importDir.toString().isBlank() ? null : importDir;
        if (maxBytes == null || maxBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("runtime.content.max-bytes must be positive");
        }
        if (chunkWords < 1 || chunkOverlapWords < 0 || chunkOverlapWords >= chunkWords) {
            throw new IllegalArgumentException("runtime.content chunking needs 0 <= chunk-overlap-words < chunk-words");
        }
    }
}
