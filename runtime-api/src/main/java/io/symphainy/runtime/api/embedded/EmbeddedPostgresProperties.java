package io.symphainy.runtime.api.embedded;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunes the embedded PostgreSQL that the runtime starts when no {@code spring.datasource.url} is configured.
 *
 * @param enabled        whether the runtime may start the embedded database; while it runs this property also reads
 *                       {@code true}, so other code can tell it is in quick-start mode
 * @param port           loopback TCP port of the server; {@code 0} picks a free port at every start, which is safe
 *                       because the runtime hands the URL to its own datasource
 * @param startupTimeout how long to wait until the server accepts connections; it covers crash recovery after an
 *                       unclean stop and stopping a server orphaned by a killed runtime
 */
@ConfigurationProperties(prefix = EmbeddedPostgresProperties.PREFIX)
public record EmbeddedPostgresProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0") int port,
        @DefaultValue("60s") Duration startupTimeout) {

    /** Prefix of these properties. */
    public static final String PREFIX = "runtime.embedded-database";
}
