package io.symphainy.runtime.realm.content.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Settings of the content realm, bound from {@code runtime.content.*}.
 *
 * @param maxBytes          largest content an upload may store
 * @param inlineMaxBytes    largest content an intent payload may carry inline as {@code content_base64} (the payload
 *                          schema limits the base64 text to the length that encodes it, so to within two bytes);
 *                          larger files go through {@code POST /content/upload}, which stages them outside the
 *                          event store
 * @param stagingGrace      how long staged bytes wait for the upload step of their intent before the staging
 *                          janitor purges them; longer than any approval timeout an upload may wait for
 * @param stagingPurgeInterval how often the staging janitor looks for stagings older than {@code stagingGrace}
 * @param searchMaxCandidates most chunks one search scores (the newest first); a search that hits it says so
 * @param importDir         the only directory {@code file_path} uploads may read from ({@code RUNTIME_CONTENT_IMPORT_DIR});
 *                          unset disables path imports
 * @param chunkWords        words per chunk
 * @param chunkOverlapWords words each chunk shares with the one before it
 * @param testKnobsEnabled  honours the {@code fail_embedding} payload knob; for tests only, never in production
 */
@ConfigurationProperties(prefix = "runtime.content")
public record ContentProperties(
        @DefaultValue("20MB") @DataSizeUnit(DataUnit.BYTES) DataSize maxBytes,
        @DefaultValue("256KB") @DataSizeUnit(DataUnit.BYTES) DataSize inlineMaxBytes,
        @DefaultValue("PT48H") Duration stagingGrace,
        @DefaultValue("PT10M") Duration stagingPurgeInterval,
        @DefaultValue("200000") int searchMaxCandidates,
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
        if (inlineMaxBytes == null || inlineMaxBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("runtime.content.inline-max-bytes must be positive");
        }
        if (stagingGrace.isNegative() || stagingPurgeInterval.isNegative() || stagingPurgeInterval.isZero() || searchMaxCandidates < 1) {
            throw new IllegalArgumentException("runtime.content needs staging-grace >= 0, a positive "
                    + "staging-purge-interval and search-max-candidates >= 1");
        }
        if (chunkWords < 1 || chunkOverlapWords < 0 || chunkOverlapWords >= chunkWords) {
            throw new IllegalArgumentException("runtime.content chunking needs 0 <= chunk-overlap-words < chunk-words");
        }
    }
}
