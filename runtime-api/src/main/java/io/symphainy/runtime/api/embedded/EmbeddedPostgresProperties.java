package io.symphainy.runtime.api.embedded;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunes the embedded PostgreSQL that the runtime starts when no {@code spring.datasource.url} is configured.
 *
 * <p>While the embedded database runs, {@code runtime.embedded-database.enabled} reads {@code true}; that property
 * marks quick-start mode for other code and does not control whether the database starts.
 *
 * @param autoStart      whether the runtime starts the embedded database when no datasource URL is configured; tests
 *                       that bring their own database, or need none, switch it off
 * @param port           loopback TCP port of the server; {@code 0} picks a free port at every start, which is safe
 *                       because the runtime hands the URL to its own datasource
 * @param startupTimeout how long to wait until the server accepts connections; it covers crash recovery after an
 *                       unclean stop and stopping a server orphaned by a killed runtime
 */
@ConfigurationProperties(prefix = EmbeddedPostgresProperties.PREFIX)
public record EmbeddedPostgresProperties(
        @DefaultValue("true") boolean autoStart,
        @DefaultValue("0") int port,
        @DefaultValue("60s") Duration startupTimeout) {

    /** Prefix of these properties. */
    public static final String PREFIX = "runtime.embedded-database";
}
