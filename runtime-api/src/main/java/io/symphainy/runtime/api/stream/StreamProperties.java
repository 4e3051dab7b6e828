package io.symphainy.runtime.api.stream;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tunables of the live event streams at {@code /stream/**}.
 *
 * @param heartbeatInterval       silence after which a connection is sent a heartbeat frame
 * @param maxConnectionsPerTenant open streams one tenant may hold on this node; more are closed with 1013
 * @param pageSize                events read from the WAL view per query; a backlog is sent page by page
 * @param sendTimeLimit           the longest a frame may take to reach a client; a slower one is closed with 1008
 * @param sendBufferLimit         frames a connection may hold while a send is in progress before it is closed
 * @param senderThreads           threads that read the WAL view and send frames, shared by all connections
 * @param allowedOrigins          {@code Origin} patterns accepted at the handshake; streams are authenticated by
 *                                explicit credentials, never by cookies, so any origin is accepted by default
 */
@ConfigurationProperties("runtime.stream")
public record StreamProperties(
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("100") int maxConnectionsPerTenant,
        @DefaultValue("200") int pageSize,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("512KB") DataSize sendBufferLimit,
        @DefaultValue("4") int senderThreads,
        @DefaultValue("*") List<String> allowedOrigins) {
}
