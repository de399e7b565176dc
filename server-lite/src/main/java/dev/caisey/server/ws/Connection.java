package dev.caisey.server.ws;

import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.ProtocolCodec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.glassfish.tyrus.core.TyrusSession;

/**
 * One WebSocket connection's way out: frames are queued (never blocking the caller) and sent in order by one virtual
 * thread. A peer too slow to keep up with {@link #MAX_QUEUED_FRAMES} is disconnected; it resumes by {@code seq} when
 * it reconnects, so nothing is lost.
 */
public final class Connection {
    /** Frames waiting to be sent before the peer is considered too slow. */
    static final int MAX_QUEUED_FRAMES = 10_000;

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());
    private static final String CLOSE = "";

    /** The user property holding the {@link Handshake} of the connection. */
    static final String HANDSHAKE = "caisey.handshake";

    private final Session session;
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(MAX_QUEUED_FRAMES);
    private volatile boolean closed;

    Connection(Session session) {
        this.session = session;
        Thread.ofVirtual().name("ws-out-" + session.getId()).start(this::drain);
    }

    /** Queues a frame; returns {@code false} if the connection is closed or was too slow and is being closed. */
    public boolean send(Frame frame) {
        if (closed) {
            return false;
        }
        if (!outbox.offer(ProtocolCodec.encode(frame))) {
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow to receive; reconnect and resume");
            return false;
        }
        return true;
    }

    /**
     * The peer's IP address (without its port, so a new connection from the same place counts as the same address),
     * for logs and rate limits. Tyrus does not put it among the user properties other containers use, so it is read
     * from its session.
     */
    String remote() {
        if (session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null) {
            return tyrus.getRemoteAddr();
        }
        Object address = session.getUserProperties().get("jakarta.websocket.endpoint.remoteAddress");
        return address == null ? "unknown" : address.toString();
    }

    /** What the browser sent with the upgrade request (its cookie, its origin); empty for other peers. */
    Handshake handshake() {
        return session.getUserProperties().get(HANDSHAKE) instanceof Handshake h ? h : Handshake.NONE;
    }

    /** Closes the connection with a code and a reason the peer can show. */
    public void close(CloseReason.CloseCode code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        outbox.clear();
        outbox.offer(CLOSE);
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a connection failed", e);
        }
    }

    void markClosed() {
        closed = true;
        outbox.offer(CLOSE);
    }

    private void drain() {
        try {
            while (true) {
                String text = outbox.take();
                if (text == CLOSE || !session.isOpen()) {
                    return;
                }
                session.getBasicRemote().sendText(text);
            }
        } catch (IOException | IllegalStateException | java.util.concurrent.RejectedExecutionException e) {
            // A socket that broke, or a server shutting down under a send (its timers already stopped).
            LOG.log(Level.DEBUG, "sending on a connection failed; it will be closed", e);
            closed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
