package io.symphainy.runtime.api.stream;

import io.symphainy.runtime.core.wal.WalPages;
import io.symphainy.runtime.core.wal.WalScope;
import io.symphainy.runtime.core.wal.WalTail;
import io.symphainy.runtime.core.wal.messages.WalEntryView;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One open stream: sends its scope's WAL entries after a cursor, in position order, then {@code caught_up} once,
 * then live entries as the {@link WalTail} reports them, and heartbeats in silences.
 *
 * <p>All reading and sending of a connection happens in one turn at a time on the shared sender threads, so frames
 * leave in the order they are read and the cursor (the last position sent) never goes back; a turn reads at most one
 * page and then yields, so a long backlog does not hold up other connections. A send that cannot complete within the
 * send time limit means a slow consumer ({@link StreamSender}): the connection is closed with 1008 and a reason naming
 * where to resume.
 */
final class StreamConnection {

    /** Close code for a client that does not keep up (RFC 6455 policy violation). */
    static final int SLOW_CONSUMER = CloseStatus.POLICY_VIOLATION.getCode();

    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);
    /** How soon a backlog is read again while the WAL view does not hold everything recorded before the connection. */
    private static final long VIEW_RECHECK_MILLIS = 5;

    private final StreamSender sender;
    private final WalScope scope;
    private final WalPages wal;
    private final StreamFrames frames;
    private final StreamProperties properties;
    private final Executor senders;
    private final ScheduledExecutorService timer;
    private final LongSupplier viewPosition;
    private final long recordedBefore;
    private final AtomicBoolean turnScheduled = new AtomicBoolean();
    private volatile boolean drainWanted = true;
    private volatile boolean heartbeatWanted;
    private volatile boolean closed;
    private volatile WalTail.Subscription subscription;
    /** The last position sent; only the connection's turn reads and writes it. */
    private long cursor;
    private boolean caughtUp;

    /**
     * @param timer          runs the re-reads of a backlog the WAL view does not hold whole yet
     * @param viewPosition   the event-store position up to which the WAL view has handled events
     * @param recordedBefore the event-store head when the connection opened: {@code caught_up} follows every entry up
     *                       to it
     */
    StreamConnection(WebSocketSession session, StreamRequest request, WalPages wal, StreamFrames frames,
                     StreamProperties properties, Executor senders, ScheduledExecutorService timer,
                     LongSupplier viewPosition, long recordedBefore) {
        this.sender = new StreamSender(session, properties);
        this.scope = request.scope();
        this.cursor = request.after();
        this.wal = wal;
        this.frames = frames;
        this.properties = properties;
        this.senders = senders;
        this.timer = timer;
        this.viewPosition = viewPosition;
        this.recordedBefore = recordedBefore;
    }

    /** The tenant whose stream this is. */
    String tenant() {
        return scope.tenantId().value();
    }

    /** Follows the tail first, so nothing appended while the backlog is read goes unnoticed, then starts sending. */
    void start(WalTail tail) {
        subscription = tail.follow(scope, this::requestDrain);
        scheduleTurn();
    }

    /** New entries of the scope may exist. */
    void requestDrain() {
        drainWanted = true;
        scheduleTurn();
    }

    /** Asks for a heartbeat when nothing was sent for the heartbeat interval. */
    void heartbeatIfSilent(long nowNanos) {
        if (sender.silentSince(nowNanos)) {
            heartbeatWanted = true;
            scheduleTurn();
        }
    }

    /** Stops following the tail; turns already scheduled do nothing more. */
    void stop() {
        closed = true;
        WalTail.Subscription current = subscription;
        if (current != null) {
            current.close();
        }
    }

    /** Stops and closes the WebSocket with the given status. */
    void close(CloseStatus status) {
        stop();
        sender.close(status, scope);
    }

    private void scheduleTurn() {
        if (!closed && turnScheduled.compareAndSet(false, true)) {
            senders.execute(this::turn);
        }
    }

    private void turn() {
        try {
            if (!closed && drainWanted) {
                drainWanted = false;
                sendNextPage();
            }
            if (!closed && heartbeatWanted) {
                heartbeatWanted = false;
                if (sender.silentSince(System.nanoTime())) {
                    sender.send(frames.heartbeat(cursor));
                }
            }
        } catch (StreamSender.SlowConsumerException slow) {
            LOG.warn("Closing stream {} of {}: slow consumer, a frame took over {} ms at position {}", sender.id(),
                    scope, properties.sendTimeLimit().toMillis(), cursor);
            close(new CloseStatus(SLOW_CONSUMER, "slow consumer: a frame took over "
                    + properties.sendTimeLimit().toMillis() + " ms; reconnect with after=" + cursor));
        } catch (IOException transportFailure) {
            // The client went away mid-send; nothing is wrong on this side.
            LOG.debug("Stream {} of {} lost its client at position {}", sender.id(), scope, cursor,
                    transportFailure);
            close(CloseStatus.SERVER_ERROR.withReason("send failed; reconnect with after=" + cursor));
        } catch (RuntimeException failure) {
            if (!closed && sender.isOpen()) {
                LOG.error("Stream {} of {} failed at position {}", sender.id(), scope, cursor, failure);
                close(CloseStatus.SERVER_ERROR.withReason("stream failed; reconnect with after=" + cursor));
            }
        } finally {
            turnScheduled.set(false);
        }
        if (drainWanted || heartbeatWanted) {
            scheduleTurn();
        }
    }

    /**
     * Sends the next page of entries; once a short page ends the backlog, {@code caught_up} follows, but only if the WAL
     * view had handled every event recorded before the connection opened when the page was read (it trails the event
     * store by moments): else the backlog is read again shortly.
     */
    private void sendNextPage() throws IOException {
        long viewReached = caughtUp ? Long.MAX_VALUE : viewPosition.getAsLong();
        List<WalEntryView> page = wal.entriesAfter(scope, cursor, properties.pageSize());
        for (WalEntryView entry : page) {
            sender.send(frames.event(entry));
            cursor = entry.position();
        }
        if (page.size() == properties.pageSize()) {
            drainWanted = true;
        } else if (!caughtUp && viewReached < recordedBefore) {
            timer.schedule(this::requestDrain, VIEW_RECHECK_MILLIS, TimeUnit.MILLISECONDS);
        } else if (!caughtUp) {
            caughtUp = true;
            sender.send(frames.caughtUp(cursor));
        }
    }
}
