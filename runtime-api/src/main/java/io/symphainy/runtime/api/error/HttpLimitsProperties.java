package io.symphainy.runtime.api.error;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Limits on what a client may send, bound from {@code runtime.http.*}.
 *
 * @param maxBodyBytes largest accepted request body; a plain number means bytes, units such as {@code 2MB} are
 *                     accepted too
 * @param uploadMaxBodyBytes largest accepted body on the upload paths ({@link #UPLOAD_PATHS}), which carry files
 */
@ConfigurationProperties(prefix = "runtime.http")
public record HttpLimitsProperties(
        @DefaultValue(HttpLimitsProperties.DEFAULT_MAX_BODY_TEXT) @DataSizeUnit(DataUnit.BYTES) DataSize maxBodyBytes,
        @DefaultValue(HttpLimitsProperties.DEFAULT_UPLOAD_MAX_BODY_TEXT) @DataSizeUnit(DataUnit.BYTES)
        DataSize uploadMaxBodyBytes) {

    /** Default body limit: generous for intent payloads, small enough that a flood of bodies cannot exhaust memory. */
    public static final String DEFAULT_MAX_BODY_TEXT = "1MB";

    public static final DataSize DEFAULT_MAX_BODY = DataSize.parse(DEFAULT_MAX_BODY_TEXT);

    /** Default body limit of upload paths: room for the largest content plus the multipart envelope. */
    public static final String DEFAULT_UPLOAD_MAX_BODY_TEXT = "25MB";

    /** The paths whose bodies carry files and take {@link #uploadMaxBodyBytes()}. */
    public static final java.util.Set<String> UPLOAD_PATHS = java.util.Set.of("/content/upload");

    /** Limits with the default upload limit. */
    public HttpLimitsProperties(DataSize maxBodyBytes) {
        this(maxBodyBytes, DataSize.parse(DEFAULT_UPLOAD_MAX_BODY_TEXT));
    }

    /** The body limit of a request path. */
    public long maxBodyBytesFor(String path) {
        return UPLOAD_PATHS.contains(path) ? uploadMaxBodyBytes.toBytes() : maxBodyBytes.toBytes();
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public HttpLimitsProperties {
        if (maxBodyBytes == null || maxBodyBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("runtime.http.max-body-bytes must be positive, was " + maxBodyBytes);
        }
        if (uploadMaxBodyBytes == null || uploadMaxBodyBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("runtime.http.upload-max-body-bytes must be positive, was "
                    + uploadMaxBodyBytes);
        }
    }
}
