package dev.caisey.bench.idle;

import dev.caisey.record.chain.Signatures;
import dev.caisey.record.protocol.AgentEnroll;
import dev.caisey.record.protocol.AgentEnrolled;
import dev.caisey.record.protocol.AgentHello;
import dev.caisey.record.protocol.AuthChallenge;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.Ping;
import dev.caisey.record.protocol.Pong;
import dev.caisey.record.protocol.ProtocolCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One agent of the idle-agents benchmark, as light as an agent can be while doing what a real one does on the wire:
 * over a JDK WebSocket on TLS it takes the server's challenge, enrolls a fresh Ed25519 key with the token, signs the
 * challenge ({@link AgentHello}), and from then on only pings now and then, as the real agent does on an idle
 * connection. Thousands of them share one {@link HttpClient}; a real agent is a JVM of its own.
 */
final class IdleAgent implements WebSocket.Listener {
    /** How long each step of the sign-in may take. */
    static final Duration STEP_WAIT = Duration.ofSeconds(30);

    private static final String HOST_PREFIX = "IDLE-";
    private static final String OS = "Linux";
    private static final String VERSION = "0.1.0";

    private final int index;
    private final CompletableFuture<AuthChallenge> challenge = new CompletableFuture<>();
    private final AtomicLong pongs = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private StringBuilder partial = new StringBuilder(); // only touched by the listener's calls, one at a time
    private volatile CompletableFuture<Message> answer;
    private volatile WebSocket socket;
    private volatile boolean closed;

    private IdleAgent(int index) {
        this.index = index;
    }

    /** Connects, enrolls with {@code token} and signs in; returns the agent once the server said {@code ok}. */
    static IdleAgent signIn(HttpClient client, URI uri, String token, int index)
            throws InterruptedException, NoSuchAlgorithmException {
        IdleAgent agent = new IdleAgent(index);
        try {
            agent.socket = client.newWebSocketBuilder()
                    .connectTimeout(STEP_WAIT)
                    .buildAsync(uri, agent)
                    .get(STEP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            AuthChallenge c = await(agent.challenge, "the challenge");
            KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String host = HOST_PREFIX + index;
            AgentEnrolled enrolled = agent.ask(
                    new AgentEnroll(token, Signatures.encode(key.getPublic()), host, OS, VERSION), AgentEnrolled.class);
            agent.ask(
                    AgentHello.sign(
                            key.getPrivate(),
                            enrolled.agentId(),
                            c.nonceBytes(),
                            host,
                            OS,
                            VERSION,
                            System.currentTimeMillis() * 1_000),
                    Ok.class);
            agent.partial = new StringBuilder(0);
            agent.answer = null;
            return agent;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            agent.abort();
            throw new IllegalStateException("agent " + index + " could not sign in: " + e, e);
        }
    }

    /** Sends a ping unless a send is still under way; the server's pong is counted. */
    void ping() {
        WebSocket ws = socket;
        if (ws == null || closed) {
            return;
        }
        try {
            ws.sendText(
                    ProtocolCodec.encode(Frame.request("p" + pings.incrementAndGet(), new Ping(nowMicros()))), true);
        } catch (IllegalStateException e) {
            pings.decrementAndGet(); // the previous frame is still being written: skip this beat
        }
    }

    long pongs() {
        return pongs.get();
    }

    boolean isOpen() {
        return !closed && socket != null && !socket.isInputClosed() && !socket.isOutputClosed();
    }

    /** Drops the connection at once. */
    void abort() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private <T extends Message> T ask(Message request, Class<T> type)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        answer = reply;
        socket.sendText(ProtocolCodec.encode(Frame.request("a", request)), true)
                .get(STEP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Message body = await(reply, "the answer to " + request.type().wireName());
        if (body instanceof ErrorReply error) {
            throw new IllegalStateException("the server refused "
                    + request.type().wireName() + ": " + error.code().wireName() + ": " + error.message());
        }
        return type.cast(body);
    }

    private static <T> T await(CompletableFuture<T> future, String what)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return future.get(STEP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException(what + " did not come within " + STEP_WAIT.toSeconds() + " s");
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            receive(ProtocolCodec.decode(text));
        }
        webSocket.request(1);
        return null;
    }

    private void receive(Frame frame) {
        Message body = frame.body();
        if (body instanceof AuthChallenge c) {
            challenge.complete(c);
        } else if (body instanceof Pong) {
            pongs.incrementAndGet();
        } else if (frame.re() != null && answer != null) {
            answer.complete(body);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        fail(new IllegalStateException("the server closed the connection: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
        fail(error);
    }

    private void fail(Throwable error) {
        challenge.completeExceptionally(error);
        CompletableFuture<Message> pending = answer;
        if (pending != null) {
            pending.completeExceptionally(error);
        }
    }

    private static long nowMicros() {
        return System.currentTimeMillis() * 1_000;
    }
}
