package dev.caisey.console.connection;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.trust.Fingerprint;
import dev.caisey.console.trust.Problems;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Login;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.Ping;
import dev.caisey.record.protocol.Pong;
import dev.caisey.record.protocol.Resume;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The console's connection to one server, kept up for as long as it is open: it connects, signs in (password the first
 * time, the session token after that), pings, and when the connection breaks it reconnects with backoff and signs in
 * again with the token. Failures that retrying cannot mend (a changed certificate, a refused sign-in) end it {@link
 * ConnectionState.Offline offline}. The first connection is tried once: its failure is the caller's to report.
 *
 * <p>Everything the server pushes, every answer and every state change is handled on one event thread, in the order it
 * arrived, so a listener sees an answer and the pushes around it in the server's order. Listeners and the callbacks of
 * returned futures run on that thread: they must not block on the network (never {@code join()} there).
 */
public final class ServerConnection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());

    private final ServerAddress server;
    private final ConnectionSettings settings;
    private final Dialer dialer;
    private final Clock clock;
    private final ExecutorService events = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("console-events").factory());
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<LoginOk>> signInListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Frame>> pushListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<LoginOk> first = new CompletableFuture<>();
    private volatile ConnectionState state;
    private volatile Link link;
    private volatile Message signIn;
    private volatile boolean closing;
    private Thread supervisor;

    /**
     * A connection to {@code server} trusting only {@code pinned}; {@code mismatch} words the refusal of another
     * certificate (pinned, presented).
     */
    public ServerConnection(
            ServerAddress server,
            Fingerprint pinned,
            ConnectionSettings settings,
            BiFunction<Fingerprint, Fingerprint, ConsoleException> mismatch,
            Clock clock) {
        this.server = server;
        this.settings = settings;
        this.clock = clock;
        this.dialer = new Dialer(pinned, settings.handshakeTimeout(), mismatch);
        this.state = new ConnectionState.Offline(server, "not connected yet", null);
    }

    /** Signs in with a password; see {@link #open(Message)}. */
    public CompletableFuture<LoginOk> login(String user, String password) {
        return open(new Login(user, password));
    }

    /** Signs in with a token from an earlier sign-in; see {@link #open(Message)}. */
    public CompletableFuture<LoginOk> resume(String token) {
        return open(new Resume(token));
    }

    /**
     * Starts connecting; the future completes at the first sign-in or fails with why the first attempt failed. Later
     * breaks are mended in the background and shown as {@link ConnectionState}s.
     */
    private synchronized CompletableFuture<LoginOk> open(Message credentials) {
        if (supervisor != null) {
            throw new IllegalStateException("this connection was opened already");
        }
        signIn = credentials;
        supervisor = Thread.ofVirtual().name("console-connection").start(this::supervise);
        return first;
    }

    /** Adds a listener of state changes; it is told the current state first. */
    public Registration onState(Consumer<ConnectionState> listener) {
        stateListeners.add(listener);
        ConnectionState now = state;
        onEventThread(() -> listener.accept(now));
        return Registration.of(stateListeners, listener);
    }

    /** Adds a listener told of every sign-in (the first and each one after reconnecting), with the fresh token. */
    public Registration onSignedIn(Consumer<LoginOk> listener) {
        signInListeners.add(listener);
        return Registration.of(signInListeners, listener);
    }

    /** Adds a listener of the frames the server sends on its own (events, presence, checkpoints). */
    public Registration onPush(Consumer<Frame> listener) {
        pushListeners.add(listener);
        return Registration.of(pushListeners, listener);
    }

    /** The current state; never blocks. */
    public ConnectionState state() {
        return state;
    }

    /** The server. */
    public ServerAddress server() {
        return server;
    }

    /**
     * Sends a request on the current connection. The future completes with the answer's body on the event thread, or
     * fails with a {@link ConsoleException}: {@link Failure#REFUSED} (the server's code and words), {@link
     * Failure#CONNECTION} (not connected, or the connection broke first), {@link Failure#TIMEOUT}.
     */
    public CompletableFuture<Message> request(Message body) {
        Link current = link;
        if (current == null) {
            return CompletableFuture.failedFuture(new ConsoleException(
                    Failure.CONNECTION, "Not connected to the server now (" + state.describe() + ")."));
        }
        return Deadlines.within(current.request(body), settings.requestTimeout(), "the request");
    }

    /** Runs {@code task} on the event thread, after everything already received. */
    public void onEventThread(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "the connection is closed; a task was dropped");
        }
    }

    private void supervise() {
        Backoff backoff = settings.backoff();
        boolean signedInOnce = false;
        int attempt = 0;
        String reason = null;
        while (!closing) {
            if (!signedInOnce) {
                setState(new ConnectionState.Connecting(server));
            }
            try {
                reason = serve(connectAndSignIn());
                signedInOnce = true;
                backoff.reset();
                attempt = 0;
            } catch (ConsoleException e) {
                if (!signedInOnce || e.failure() != Failure.CONNECTION && e.failure() != Failure.TIMEOUT) {
                    goOffline(e.getMessage(), e);
                    return;
                }
                reason = e.getMessage();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "the connection to " + server.key() + " failed unexpectedly", e);
                goOffline(
                        "an unexpected failure: " + Problems.describe(e),
                        new ConsoleException(Failure.CONNECTION, "An unexpected failure: " + Problems.describe(e), e));
                return;
            }
            if (closing) {
                break;
            }
            attempt++;
            Duration wait = backoff.next();
            setState(new ConnectionState.Reconnecting(
                    server, attempt, clock.instant().plus(wait), wait, reason));
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                break;
            }
        }
        goOffline("the connection was closed", null);
    }

    private Link connectAndSignIn() throws InterruptedException {
        Link[] self = new Link[1];
        Link fresh = new Link(frame -> onEventThread(() -> handle(self[0], frame)));
        self[0] = fresh;
        dialer.connect(fresh, server);
        LoginOk ok;
        try {
            Message answer = Deadlines.within(fresh.request(signIn), settings.requestTimeout(), "the sign-in")
                    .get();
            if (!(answer instanceof LoginOk signedIn)) {
                fresh.end("the sign-in was answered with " + answer.type().wireName());
                throw new ConsoleException(
                        Failure.CONNECTION,
                        "The server answered the sign-in with '" + answer.type().wireName() + "'.");
            }
            ok = signedIn;
        } catch (ExecutionException e) {
            fresh.end("the sign-in failed");
            throw e.getCause() instanceof ConsoleException c
                    ? c
                    : new ConsoleException(Failure.CONNECTION, "the sign-in failed", e.getCause());
        }
        signIn = new Resume(ok.token());
        link = fresh;
        setState(new ConnectionState.Connected(server, ok.user(), ok.role(), clock.instant()));
        onEventThread(() -> signInListeners.forEach(l -> l.accept(ok)));
        onEventThread(() -> first.complete(ok));
        return fresh;
    }

    /** Pings the signed-in link until it ends; returns why it ended. */
    private String serve(Link current) throws InterruptedException {
        try {
            while (!current.awaitEnd(settings.heartbeat().toMillis())) {
                try {
                    Deadlines.within(current.request(new Ping(Micros.now(clock))), settings.pongTimeout(), "a ping")
                            .get();
                } catch (ExecutionException e) {
                    current.end("no answer to a ping within "
                            + settings.pongTimeout().toMillis() + " ms");
                }
            }
            return current.awaitEnd();
        } finally {
            link = null;
        }
    }

    private void handle(Link from, Frame frame) {
        if (from.settle(frame)) {
            return;
        }
        switch (frame.body()) {
            case Ping ping -> from.send(frame.reply(new Pong(ping.at())));
            case Pong pong -> {}
            default -> pushListeners.forEach(l -> l.accept(frame));
        }
    }

    private void setState(ConnectionState next) {
        state = next;
        onEventThread(() -> stateListeners.forEach(l -> l.accept(next)));
    }

    private void goOffline(String reason, ConsoleException problem) {
        setState(new ConnectionState.Offline(server, reason, problem));
        ConsoleException failure =
                problem != null ? problem : new ConsoleException(Failure.CONNECTION, "The connection was closed.");
        onEventThread(() -> first.completeExceptionally(failure));
    }

    /** Closes the connection for good; listeners are told it is offline. */
    @Override
    public void close() {
        closing = true;
        Link current = link;
        if (current != null) {
            current.end("the console closed the connection");
        }
        Thread running;
        synchronized (this) {
            running = supervisor;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            goOffline("the connection was closed", null);
        }
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
