package dev.caisey.agent.connection;

import dev.caisey.agent.AgentException;
import dev.caisey.agent.AgentException.Failure;
import dev.caisey.agent.exec.CommandRunner;
import dev.caisey.agent.identity.HostInfo;
import dev.caisey.agent.identity.Identity;
import dev.caisey.agent.journal.Journal;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the agent connected, forever: connect, sign in, serve, and after any failure wait (exponential backoff with
 * full jitter) and start over. One connection exists at a time and each is served on the calling thread, so
 * reconnecting never accumulates threads. It stops for good only when asked to, or when retrying cannot help: the
 * server's certificate is not the pinned one, or the server refused the agent's identity on
 * {@link #IDENTITY_REFUSALS_TO_STOP} fresh connections in a row (the enrollment was revoked).
 */
public final class AgentService {
    /** Refused sign-ins in a row that stop the service (one may be a challenge that expired in transit). */
    public static final int IDENTITY_REFUSALS_TO_STOP = 2;

    private static final System.Logger LOG = System.getLogger(AgentService.class.getName());

    private final Identity identity;
    private final HostInfo host;
    private final Journal journal;
    private final CommandRunner runner;
    private final LinkSettings settings;
    private final Clock clock;
    private final Dialer dialer;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile ServerLink current;

    /** A service for {@code identity} that sends {@code journal}'s events and runs commands with {@code runner}. */
    public AgentService(
            Identity identity,
            HostInfo host,
            Journal journal,
            CommandRunner runner,
            LinkSettings settings,
            Clock clock) {
        this.identity = identity;
        this.host = host;
        this.journal = journal;
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
        this.dialer = new Dialer(identity.fingerprint(), settings.handshakeTimeout());
        journal.onAppend(() -> {
            ServerLink link = current;
            if (link != null) {
                link.writer().wake();
            }
        });
    }

    /**
     * Runs until {@link #stop()} (returns normally) or a failure retrying cannot mend.
     *
     * @throws AgentException with {@link Failure#FINGERPRINT_MISMATCH} or {@link Failure#IDENTITY_REFUSED}
     */
    public void run() throws InterruptedException {
        Backoff backoff = settings.backoff();
        int refusals = 0;
        while (stop.getCount() > 0) {
            ServerLink link = new ServerLink(identity, host, journal, runner, settings, clock);
            current = link;
            try {
                Session session = dialer.connect(endpoint(link), identity.agentUri());
                String reason = link.writer().serve(session);
                if (link.signedIn()) {
                    backoff.reset();
                    refusals = 0;
                } else if (link.identityRefusal() != null && ++refusals >= IDENTITY_REFUSALS_TO_STOP) {
                    throw new AgentException(
                            Failure.IDENTITY_REFUSED,
                            "The server refused this agent: " + link.identityRefusal()
                                    + " Its enrollment may have been revoked; enroll it again with a new token.");
                }
                LOG.log(Level.INFO, "connection to {0} ended: {1}", identity.server(), reason);
            } catch (AgentException e) {
                if (e.failure().fatal()) {
                    throw e;
                }
                LOG.log(Level.WARNING, e.getMessage());
                LOG.log(Level.DEBUG, "connection failure", e);
            } catch (RuntimeException e) {
                // A fault in the WebSocket stack must not end a service that has to run unattended: it is logged
                // with its trace, this connection is abandoned, and the journal makes the next one lose nothing.
                LOG.log(Level.ERROR, "the connection failed unexpectedly; reconnecting", e);
                link.writer().end("failed unexpectedly");
            } finally {
                current = null;
            }
            Duration wait = backoff.next();
            LOG.log(Level.DEBUG, "reconnecting in {0} ms", wait.toMillis());
            stop.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Ends the current connection and makes {@link #run()} return. */
    public void stop() {
        stop.countDown();
        ServerLink link = current;
        if (link != null) {
            link.writer().end("the agent is stopping");
        }
    }

    /** Cuts the current connection (tests, and a future "reconnect now" signal); the service reconnects. */
    public void disconnect(String reason) {
        ServerLink link = current;
        if (link != null) {
            link.writer().end(reason);
        }
    }

    private static Endpoint endpoint(ServerLink link) {
        return new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.setMaxTextMessageBufferSize(Dialer.MAX_TEXT_MESSAGE_BYTES);
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) link::received);
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                link.closed("closed (" + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase() + ")");
            }

            @Override
            public void onError(Session session, Throwable failure) {
                link.closed("failed: " + failure);
            }
        };
    }
}
