package dev.caisey.server.it;

import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.ProtocolCodec;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * A real WebSocket client over TLS for tests: the Tyrus client, trusting exactly the server's certificate, speaking
 * the wire protocol. Frames that arrive are queued; tests send requests and wait for the frame that answers them, or
 * for any frame that matches.
 */
public final class WireClient implements AutoCloseable {
    /** How long a test waits for an answer before failing. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private final Session session;
    private final BlockingQueue<Frame> inbox = new LinkedBlockingQueue<>();
    private final List<Frame> seen = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile CloseReason closeReason;

    private WireClient(URI uri, SSLContext tls) throws Exception {
        ClientManager client = ClientManager.createClient();
        SslEngineConfigurator ssl = new SslEngineConfigurator(tls, true, false, false);
        ssl.setHostVerificationEnabled(true);
        client.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, ssl);
        this.session = client.connectToServer(
                new Endpoint() {
                    @Override
                    public void onOpen(Session s, EndpointConfig config) {
                        s.setMaxTextMessageBufferSize(1024 * 1024);
                        s.addMessageHandler(String.class, (MessageHandler.Whole<String>)
                                text -> inbox.add(ProtocolCodec.decode(text)));
                    }

                    @Override
                    public void onClose(Session s, CloseReason reason) {
                        closeReason = reason;
                        closed.countDown();
                    }
                },
                ClientEndpointConfig.Builder.create().build(),
                uri);
    }

    /** Connects to {@code wss://127.0.0.1:port/path}, trusting the given context's certificates. */
    public static WireClient connect(int port, String path, SSLContext tls) throws Exception {
        return new WireClient(URI.create("wss://127.0.0.1:" + port + path), tls);
    }

    /** Sends raw text, as a misbehaving peer would. */
    public void sendRaw(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    /** Sends raw text as a request whose {@code id} is {@code id}, and returns the frame that answers it. */
    public Frame requestRaw(String id, String text) throws Exception {
        sendRaw(text);
        return await(f -> id.equals(f.re()));
    }

    /** Sends raw text as one message in fragments of at most {@code fragmentChars} characters each. */
    public void sendFragmented(String text, int fragmentChars) throws Exception {
        for (int start = 0; start < text.length(); start += fragmentChars) {
            int end = Math.min(text.length(), start + fragmentChars);
            session.getBasicRemote().sendText(text.substring(start, end), end == text.length());
        }
    }

    /** Sends a message that needs no answer. */
    public void send(Message message) throws Exception {
        sendRaw(ProtocolCodec.encode(Frame.of(message)));
    }

    /** Sends a request and returns the frame that answers it (which may be an {@code error}). */
    public Frame request(Message message) throws Exception {
        String id = "r" + ids.incrementAndGet();
        sendRaw(ProtocolCodec.encode(Frame.request(id, message)));
        return await(f -> id.equals(f.re()));
    }

    /** Sends a request and returns its answer's body, failing the test on an {@code error}. */
    public <T extends Message> T ask(Message message, Class<T> answer) throws Exception {
        Frame reply = request(message);
        if (reply.body() instanceof ErrorReply error) {
            throw new AssertionError("refused: " + error.code().wireName() + ": " + error.message());
        }
        return answer.cast(reply.body());
    }

    /** The first frame received (now or within {@link #WAIT}) that matches, skipping but keeping the others. */
    public Frame await(Predicate<Frame> match) throws InterruptedException {
        synchronized (seen) {
            for (Frame frame : seen) {
                if (match.test(frame)) {
                    seen.remove(frame);
                    return frame;
                }
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Frame frame = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (frame == null) {
                throw new AssertionError("no matching frame within " + WAIT.toSeconds() + " s; unmatched: " + seen);
            }
            if (match.test(frame)) {
                return frame;
            }
            synchronized (seen) {
                seen.add(frame);
            }
        }
    }

    /** The first frame whose body is of a type, within {@link #WAIT}. */
    public <T extends Message> T awaitBody(Class<T> type) throws InterruptedException {
        return type.cast(await(f -> type.isInstance(f.body())).body());
    }

    /** Every frame received so far and not yet taken by {@link #await}, in order, without waiting. */
    public List<Frame> drain() {
        List<Frame> all;
        synchronized (seen) {
            all = new ArrayList<>(seen);
            seen.clear();
        }
        inbox.drainTo(all);
        return all;
    }

    /** Whether the server closed the connection within {@code wait}, and why. */
    public CloseReason awaitClosed(Duration wait) throws InterruptedException {
        return closed.await(wait.toMillis(), TimeUnit.MILLISECONDS) ? closeReason : null;
    }

    /** Whether the connection is open. */
    public boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() throws java.io.IOException {
        if (session.isOpen()) {
            session.close();
        }
    }
}
