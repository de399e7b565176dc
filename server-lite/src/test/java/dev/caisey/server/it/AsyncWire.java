package dev.caisey.server.it;

import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.ProtocolCodec;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * A TLS WebSocket client for load: like {@link WireClient}, but a request returns a future of the frame that answers
 * it, so many can be in flight on one connection. Frames that answer no request (event pushes, challenges, commands
 * for an agent) go to a consumer, on the client's receiving thread, in arrival order. When the connection ends, every
 * request still waiting fails.
 */
final class AsyncWire implements AutoCloseable {
    /** How long {@link #ask} waits for an answer. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final int MAX_FRAME_CHARS = 1024 * 1024;

    private final Map<String, CompletableFuture<Frame>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Consumer<Frame> unsolicited;
    private final Session session;
    private volatile boolean closed;

    private AsyncWire(URI uri, SSLContext tls, Consumer<Frame> unsolicited) throws DeploymentException, IOException {
        this.unsolicited = unsolicited;
        ClientManager client = ClientManager.createClient();
        SslEngineConfigurator ssl = new SslEngineConfigurator(tls, true, false, false);
        ssl.setHostVerificationEnabled(true);
        client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
        this.session = client.connectToServer(
                new Endpoint() {
                    @Override
                    public void onOpen(Session s, EndpointConfig config) {
                        s.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
                        s.addMessageHandler(String.class, (MessageHandler.Whole<String>) AsyncWire.this::received);
                    }

                    @Override
                    public void onClose(Session s, CloseReason reason) {
                        ended();
                    }

                    @Override
                    public void onError(Session s, Throwable failure) {
                        ended();
                    }
                },
                ClientEndpointConfig.Builder.create().build(),
                uri);
    }

    /** Connects to {@code wss://127.0.0.1:port/path}, trusting {@code tls}; unsolicited frames go to the consumer. */
    static AsyncWire connect(int port, String path, SSLContext tls, Consumer<Frame> unsolicited)
            throws DeploymentException, IOException {
        return new AsyncWire(URI.create("wss://127.0.0.1:" + port + path), tls, unsolicited);
    }

    /** Sends a request; the future completes with the frame answering it, or fails if the connection ends first. */
    CompletableFuture<Frame> request(Message message) {
        String id = "q" + ids.incrementAndGet();
        CompletableFuture<Frame> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        try {
            if (closed) {
                throw new IOException("the connection has ended");
            }
            String text = ProtocolCodec.encode(Frame.request(id, message));
            synchronized (session) {
                session.getBasicRemote().sendText(text);
            }
        } catch (IOException | IllegalStateException e) {
            waiting.remove(id);
            reply.completeExceptionally(e);
        }
        return reply;
    }

    /** Sends a request and returns its answer's body, failing the test on an {@code error} or after {@link #WAIT}. */
    <T extends Message> T ask(Message message, Class<T> answer)
            throws InterruptedException, ExecutionException, TimeoutException {
        Frame reply = request(message).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (reply.body() instanceof ErrorReply error) {
            throw new AssertionError(
                    message.type().wireName() + " refused: " + error.code().wireName() + ": " + error.message());
        }
        return answer.cast(reply.body());
    }

    /** Whether the connection has ended (the server went away or {@link #close} was called). */
    boolean isClosed() {
        return closed || !session.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            if (session.isOpen()) {
                session.close();
            }
        } catch (IOException | IllegalStateException e) {
            // The server is gone (killed): there is nobody to say goodbye to.
        } finally {
            ended();
        }
    }

    private void received(String text) {
        Frame frame = ProtocolCodec.decode(text);
        CompletableFuture<Frame> reply = frame.re() == null ? null : waiting.remove(frame.re());
        if (reply != null) {
            reply.complete(frame);
        } else {
            unsolicited.accept(frame);
        }
    }

    private void ended() {
        closed = true;
        for (String id : List.copyOf(waiting.keySet())) {
            CompletableFuture<Frame> reply = waiting.remove(id);
            if (reply != null) {
                reply.completeExceptionally(new IOException("the connection ended before an answer came"));
            }
        }
    }
}
