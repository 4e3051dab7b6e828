package io.symphainy.runtime.api.stream;

import io.symphainy.runtime.core.observability.ProcessorStatuses;
import io.symphainy.runtime.core.projection.ReadModels;
import io.symphainy.runtime.core.wal.WalPages;
import io.symphainy.runtime.core.wal.WalProjection;
import io.symphainy.runtime.core.wal.WalTail;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The open streams of this node: admits a connection within its tenant's limit, gives it a send-bounded session and
 * the shared sender threads, ticks heartbeats, and releases everything when the connection closes. On shutdown every
 * stream is closed with 1001 (going away) so clients reconnect elsewhere.
 */
@Component
class StreamHub implements SmartLifecycle {

    /** Close code for a tenant over its stream limit (RFC 6455 "try again later"). */
    static final int TRY_AGAIN_LATER = 1013;

    /** Tomcat's per-session bound on a blocking send, in milliseconds (its default is 20 s). */
    private static final String CONTAINER_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final WalTail tail;
    private final WalPages wal;
    private final StreamFrames frames;
    private final StreamProperties properties;
    private final ReadModels readModels;
    private final ProcessorStatuses processors;
    private final Map<String, StreamConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, Integer> openPerTenant = new ConcurrentHashMap<>();
    private volatile ExecutorService senders;
    private volatile ScheduledExecutorService heartbeats;

    StreamHub(WalTail tail, WalPages wal, StreamFrames frames, StreamProperties properties, ReadModels readModels,
              ProcessorStatuses processors) {
        this.tail = tail;
        this.wal = wal;
        this.frames = frames;
        this.properties = properties;
        this.readModels = readModels;
        this.processors = processors;
    }

    /** Admits and starts a connection the handshake accepted, or closes it when its tenant is at its limit. */
    void open(WebSocketSession session) {
        StreamRequest request = (StreamRequest) session.getAttributes().get(StreamRequest.ATTRIBUTE);
        String tenant = request.scope().tenantId().value();
        ExecutorService threads = senders;
        if (threads == null) {
            close(session, CloseStatus.GOING_AWAY);
            return;
        }
        if (!tryAdmit(tenant)) {
            close(session, new CloseStatus(TRY_AGAIN_LATER, "too many live streams for this tenant (limit "
                    + properties.maxConnectionsPerTenant() + "); try again later"));
            return;
        }
        limitContainerSendTime(session);
        WebSocketSession bounded = new ConcurrentWebSocketSessionDecorator(session,
                (int) properties.sendTimeLimit().toMillis(), (int) properties.sendBufferLimit().toBytes());
        long recordedBefore = Optional.ofNullable(processors.headPosition()).orElse(-1L);
        StreamConnection connection = new StreamConnection(bounded, request, wal, frames, properties, threads,
                heartbeats, () -> readModels.position(WalProjection.PROCESSING_GROUP).orElse(-1L), recordedBefore);
        connections.put(session.getId(), connection);
        connection.start(tail);
    }

    /** Releases what a connection held; does nothing for one that was never admitted. */
    void closed(WebSocketSession session) {
        StreamConnection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.stop();
            openPerTenant.computeIfPresent(connection.tenant(), (id, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** Open streams of a tenant on this node. */
    int openStreams(String tenant) {
        return openPerTenant.getOrDefault(tenant, 0);
    }

    private boolean tryAdmit(String tenant) {
        AtomicBoolean admitted = new AtomicBoolean();
        openPerTenant.compute(tenant, (id, count) -> {
            int current = count == null ? 0 : count;
            if (current >= properties.maxConnectionsPerTenant()) {
                return count;
            }
            admitted.set(true);
            return current + 1;
        });
        return admitted.get();
    }

    private void limitContainerSendTime(WebSocketSession session) {
        jakarta.websocket.Session container = session instanceof NativeWebSocketSession nativeSession
                ? nativeSession.getNativeSession(jakarta.websocket.Session.class) : null;
        if (container != null) {
            container.getUserProperties().put(CONTAINER_SEND_TIMEOUT, properties.sendTimeLimit().toMillis());
        }
    }

    private static void close(WebSocketSession session, CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException alreadyClosed) {
            // The client is gone already; nothing is held for it.
        }
    }

    @Override
    public synchronized void start() {
        if (senders != null) {
            return;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        senders = Executors.newFixedThreadPool(properties.senderThreads(), runnable -> {
            Thread thread = new Thread(runnable, "stream-sender-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(10, Math.min(1000, properties.heartbeatInterval().toMillis() / 4));
        heartbeats.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            connections.values().forEach(connection -> connection.heartbeatIfSilent(now));
        }, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (senders == null) {
            return;
        }
        connections.values().forEach(connection -> connection.close(CloseStatus.GOING_AWAY));
        heartbeats.shutdownNow();
        senders.shutdownNow();
        heartbeats = null;
        senders = null;
    }

    @Override
    public boolean isRunning() {
        return senders != null;
    }
}
