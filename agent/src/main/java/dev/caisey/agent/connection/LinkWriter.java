package dev.caisey.agent.connection;

import dev.caisey.agent.journal.Journal;
import dev.caisey.agent.journal.JournalEntry;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Ping;
import dev.caisey.record.protocol.ProtocolCodec;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread that sends on a connection, and its heartbeat. It sends control frames (hello, pong) first, then,
 * once signed in, the journal's pending reports in order, at most {@link LinkSettings#MAX_IN_FLIGHT_REPORTS}
 * unacknowledged at a time; every send must complete within the send timeout. It pings every heartbeat and ends the
 * connection when a pong is late, the sign-in takes too long, or a send fails: then the service reconnects, and the
 * next connection starts again from the journal's first pending entry.
 */
final class LinkWriter {
    /** Control frames that may wait to be sent before the connection is considered stuck. */
    static final int MAX_CONTROL_FRAMES = 64;

    /** Longest sleep of an idle writer; heartbeats are checked at least this often. */
    static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(LinkWriter.class.getName());

    private final Journal journal;
    private final LinkSettings settings;
    private final Clock clock;
    private final BlockingQueue<String> control = new ArrayBlockingQueue<>(MAX_CONTROL_FRAMES);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean signedIn;
    private volatile String endReason;
    private volatile long pingSentAt;
    private long cursor;

    LinkWriter(Journal journal, LinkSettings settings, Clock clock) {
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    void control(Frame frame) {
        if (!control.offer(ProtocolCodec.encode(frame))) {
            end("too many frames waiting to be sent");
        }
        wakeup.signal();
    }

    void signedIn() {
        signedIn = true;
        wakeup.signal();
    }

    void acknowledged(List<String> eventIds) {
        eventIds.forEach(inFlight::remove);
        journal.ack(eventIds);
        wakeup.signal();
    }

    boolean inFlight(String eventId) {
        return inFlight.contains(eventId);
    }

    void ponged() {
        pingSentAt = 0;
    }

    /** Something new is in the journal. */
    void wake() {
        wakeup.signal();
    }

    /** Ends the connection; the first reason given is kept. */
    void end(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
        wakeup.signal();
    }

    boolean ended() {
        return endReason != null;
    }

    /** Sends until the connection ends, then closes it; returns why it ended. */
    String serve(Session session) throws InterruptedException {
        long openedAt = System.nanoTime();
        long lastPingAt = openedAt;
        try {
            while (endReason == null) {
                long now = System.nanoTime();
                if (!signedIn && now - openedAt > settings.handshakeTimeout().toNanos()) {
                    end("the server did not accept the sign-in within "
                            + settings.handshakeTimeout().toSeconds() + " s");
                } else if (pingSentAt != 0
                        && now - pingSentAt > settings.pongTimeout().toNanos()) {
                    end("no pong within " + settings.pongTimeout().toMillis() + " ms");
                } else if (signedIn
                        && pingSentAt == 0
                        && now - lastPingAt >= settings.heartbeat().toNanos()) {
                    lastPingAt = now;
                    pingSentAt = now;
                    send(session, ProtocolCodec.encode(Frame.of(new Ping(Micros.now(clock)))));
                } else if (!sendNext(session)) {
                    Duration untilPing = settings.heartbeat().minusNanos(now - lastPingAt);
                    wakeup.await(untilPing.compareTo(IDLE_WAIT) < 0 ? untilPing : IDLE_WAIT);
                }
            }
        } finally {
            close(session);
        }
        return endReason;
    }

    private boolean sendNext(Session session) {
        String text = control.poll();
        if (text != null) {
            send(session, text);
            return true;
        }
        if (!signedIn || inFlight.size() >= LinkSettings.MAX_IN_FLIGHT_REPORTS) {
            return false;
        }
        List<JournalEntry> next = journal.after(cursor, LinkSettings.MAX_IN_FLIGHT_REPORTS - inFlight.size());
        for (JournalEntry entry : next) {
            inFlight.add(entry.eventId());
            cursor = entry.position();
            if (!send(session, entry.frame())) {
                return true;
            }
        }
        return !next.isEmpty();
    }

    private boolean send(Session session, String text) {
        Future<Void> sent;
        try {
            sent = session.getAsyncRemote().sendText(text);
        } catch (IllegalStateException e) {
            // Tyrus refuses to send on a session that has just closed; the close callback may not have run yet.
            end("the connection closed: " + e.getMessage());
            return false;
        }
        try {
            sent.get(settings.sendTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            end("sending failed: " + e.getCause());
        } catch (TimeoutException e) {
            sent.cancel(true);
            end("sending took longer than " + settings.sendTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end("the agent is stopping");
        }
        return false;
    }

    private static void close(Session session) {
        Thread.ofVirtual().name("link-close").start(() -> {
            try {
                if (session.isOpen()) {
                    session.close();
                }
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.DEBUG, "closing a connection failed: {0}", e.getMessage());
            }
        });
    }
}
