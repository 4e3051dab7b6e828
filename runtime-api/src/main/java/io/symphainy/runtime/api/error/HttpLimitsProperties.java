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
 */
@ConfigurationProperties(prefix = "runtime.http")
public record HttpLimitsProperties(
        @DefaultValue(HttpLimitsProperties.DEFAULT_MAX_BODY_TEXT) @DataSizeUnit(DataUnit.BYTES) DataSize maxBodyBytes) {

    /** Default body limit: generous for intent payloads, small enough that a flood of bodies cannot exhaust memory. */
    public static final String DEFAULT_MAX_BODY_TEXT = "1MB";

    public static final DataSize DEFAULT_MAX_BODY = DataSize.parse(DEFAULT_MAX_BODY_TEXT);

    public HttpLimitsProperties {
        if (maxBodyBytes == null || maxBodyBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("runtime.http.max-body-bytes must be positive, was " + maxBodyBytes);
        }
    }
}
